// core/indicators/indicator_definition.h — an indicator as its versioned JSON definition says (config/indicators/).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace finsam::indicators {

/// The fact has at least one of `values` in `field`.
struct Condition {
    std::string field;
    std::vector<std::string> values;
};
using Conditions = std::vector<Condition>;

struct Distribution {
    std::string dimension;
    Conditions where;  ///< narrows the population for this distribution only
};

struct Comparison {
    std::string category;  ///< the row's category, e.g. arbete_studier
    Conditions where;      ///< narrows the population
    Conditions outcome;    ///< what is observed
    std::vector<std::string> strata;
};

struct IndicatorDefinition {
    std::string indicator;
    int version = 1;
    std::string scope;  ///< national_core | local
    std::string title;
    std::string unit;          ///< person | deltagande
    std::string periodRule;    ///< active | started | ended
    Conditions population;
    bool isShare = false;
    Conditions numerator;
    std::vector<std::string> dimensions;
    std::vector<Distribution> distributions;
    bool hasComparison = false;
    Comparison comparison;
    std::string file;  ///< where it came from, for messages
};

/// Parses and validates one definition (config/schemas/indicator.schema.json). Throws std::runtime_error naming
/// `file`, the JSON pointer and the reason.
IndicatorDefinition parseIndicatorDefinition(const std::string& text, const std::string& file);

/// The national core (compiled in from config/indicators/core) followed by the local definitions in
/// `localDir` (*.json, sorted; empty = none). A local file must say scope local and may not reuse a core name.
std::vector<IndicatorDefinition> loadIndicatorDefinitions(const std::string& localDir = "");

}  // namespace finsam::indicators
