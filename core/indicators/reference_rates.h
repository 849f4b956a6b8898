// core/indicators/reference_rates.h — a configured reference population for the fair comparison (hub.json
// indicators.reference_file, docs/indicators.md §8), instead of every förbund in the store.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/indicators/case_mix.h"
#include "core/indicators/indicator_definition.h"

namespace finsam::indicators {

/// Indicator → reference strata, keyed as the engine keys its own strata.
using ReferenceRates = std::map<std::string, Strata>;

/// The stratum key of one category per stratifying field, in order (the engine's strata use the same).
std::string stratumKey(const std::vector<std::string>& categories);

/// Reads and checks a reference-rates file against config/schemas/reference-rates.schema.json and the
/// definitions: each indicator named must have a comparison with exactly these strata, each stratum one category
/// per field, outcome ≤ population, no stratum twice. Throws std::runtime_error "<file>: <pointer>: <reason>".
ReferenceRates loadReferenceRates(const std::string& file, const std::vector<IndicatorDefinition>& definitions);

}  // namespace finsam::indicators
