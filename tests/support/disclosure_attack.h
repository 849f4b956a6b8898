// tests/support/disclosure_attack.h — an attacker on a published release, written independently of
// core/indicators/disclosure_control so that tests can check suppression against a second opinion.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace finsam::testing {

/// What the attacker learnt per cell: lo <= value <= hi. hi == INT64_MAX when unbounded.
struct AttackResult {
    std::vector<std::int64_t> lo, hi;
};

/// known[c]: the published value of cell c, or nullopt when suppressed or hidden. sums: (total, parts) with
/// value(total) == sum of value(parts). Bounds propagation with nonnegativity to a fixpoint, plus differencing:
/// two relations sharing unknown cells are added or subtracted, and when one unknown remains it is solved.
AttackResult attack(const std::vector<std::optional<std::int64_t>>& known,
                    const std::vector<std::pair<std::size_t, std::vector<std::size_t>>>& sums);

}  // namespace finsam::testing
