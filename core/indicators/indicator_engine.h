// core/indicators/indicator_engine.h — facts + definitions → published rows, with disclosure control applied.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/indicators/disclosure_control.h"
#include "core/indicators/indicator_definition.h"
#include "core/indicators/participation_facts.h"
#include "core/indicators/reference_rates.h"
#include "core/indicators/reporting_period.h"

namespace finsam::indicators {

struct IndicatorRequest {
    std::vector<ReportingPeriod> periods;
    std::string forbund;  ///< the förbund to report; empty = every förbund in the facts
    DisclosureRules disclosure;
    /// Configured reference strata per indicator (hub.json indicators.reference_file); an indicator not in it is
    /// compared with every förbund in the facts.
    ReferenceRates reference;
};

/// One published cell (docs/indicators.md §6). Numbers are empty on a suppressed row.
struct IndicatorRow {
    std::string indicator;
    int version = 1;
    std::string forbund;
    std::string insats;  ///< empty: the förbund as a whole
    std::string period;
    std::string dimension;
    std::string category;
    std::optional<std::int64_t> numerator;
    std::optional<std::int64_t> denominator;
    std::optional<double> value;
    bool suppressed = false;
    bool comparison = false;
    std::optional<std::int64_t> observed;
    std::optional<double> expected, ratio, ciLow, ciHigh;
};

/// Every row of every definition for the requested förbund and periods. `facts` may hold every förbund of the
/// store: the comparisons take them all as the reference population.
std::vector<IndicatorRow> computeIndicators(const std::vector<ParticipationFacts>& facts,
                                            const std::vector<IndicatorDefinition>& definitions,
                                            const IndicatorRequest& request);

}  // namespace finsam::indicators
