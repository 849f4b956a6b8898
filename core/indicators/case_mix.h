// core/indicators/case_mix.h — indirect standardisation: observed against expected under reference rates.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>

namespace finsam::indicators {

/// Outcome counts per stratum (åldersgrupp × utbildningsnivå × tid i offentlig försörjning).
struct StratumCounts {
    std::int64_t population = 0;
    std::int64_t outcome = 0;
};
using Strata = std::map<std::string, StratumCounts>;

struct Standardised {
    std::int64_t observed = 0;
    double expected = 0;
    std::optional<double> ratio;  ///< observed / expected; none when expected is 0
    std::optional<double> ciLow, ciHigh;  ///< 95 %, Byar's approximation of the Poisson interval of observed
};

/// Expected = Σ over the group's strata of its population × the reference rate of the stratum. A stratum the
/// reference never saw contributes nothing to expected (and its members are still observed).
Standardised standardise(const Strata& group, const Strata& reference);

}  // namespace finsam::indicators
