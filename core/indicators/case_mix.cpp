// core/indicators/case_mix.cpp — expected counts and Byar's interval (Breslow & Day 1987, vol. II, 2.8).
// SPDX-License-Identifier: Apache-2.0
#include "core/indicators/case_mix.h"

#include <cmath>

namespace finsam::indicators {

Standardised standardise(const Strata& group, const Strata& reference) {
    Standardised result;
    for (const auto& [stratum, counts] : group) {
        result.observed += counts.outcome;
        auto ref = reference.find(stratum);
        if (ref != reference.end() && ref->second.population > 0) {
            result.expected += static_cast<double>(counts.population) * static_cast<double>(ref->second.outcome) /
                               static_cast<double>(ref->second.population);
        }
    }
    if (result.expected <= 0) return result;
    constexpr double z = 1.959963984540054;
    const double o = static_cast<double>(result.observed);
    result.ratio = o / result.expected;
    result.ciLow = o == 0 ? 0.0 : o * std::pow(1 - 1 / (9 * o) - z / (3 * std::sqrt(o)), 3) / result.expected;
    const double o1 = o + 1;
    result.ciHigh = o1 * std::pow(1 - 1 / (9 * o1) + z / (3 * std::sqrt(o1)), 3) / result.expected;
    return result;
}

}  // namespace finsam::indicators
