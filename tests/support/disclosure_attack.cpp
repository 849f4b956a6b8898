// tests/support/disclosure_attack.cpp — relations as signed linear equations sum(coef * x) == 0; bounds
// propagation per equation, then pairwise differencing, repeated until nothing more is learnt.
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/disclosure_attack.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace finsam::testing {
namespace {

constexpr std::int64_t kUnbounded = std::numeric_limits<std::int64_t>::max();
using Equation = std::map<std::size_t, std::int64_t>;  // cell -> coefficient

// floor and ceil of a / b for b > 0, rounding the way the bounds need it for negative a too.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && (a < 0)); }
std::int64_t ceilDiv(std::int64_t a, std::int64_t b) { return a / b + ((a % b != 0) && (a > 0)); }

struct Attacker {
    std::vector<std::int64_t> lo, hi;
    std::vector<Equation> equations;

    bool exact(std::size_t c) const { return lo[c] == hi[c]; }

    bool narrow(std::size_t c, std::int64_t newLo, std::int64_t newHi) {
        bool moved = false;
        if (newLo > lo[c]) {
            lo[c] = newLo;
            moved = true;
        }
        if (newHi < hi[c]) {
            hi[c] = newHi;
            moved = true;
        }
        return moved;
    }

    // For term i: coef_i * x_i == -(rest), rest within [restMin, restMax] (each maybe infinite).
    bool propagateOnce(const Equation& eq) {
        bool moved = false;
        for (const auto& [cell, coef] : eq) {
            __int128 restMin = 0, restMax = 0;
            bool minInfinite = false, maxInfinite = false;
            for (const auto& [other, c] : eq) {
                if (other == cell) {
                    continue;
                }
                bool hiInfinite = hi[other] == kUnbounded;
                if (c > 0) {
                    restMin += static_cast<__int128>(c) * lo[other];
                    maxInfinite |= hiInfinite;
                    if (!hiInfinite) restMax += static_cast<__int128>(c) * hi[other];
                } else {
                    restMax += static_cast<__int128>(c) * lo[other];
                    minInfinite |= hiInfinite;
                    if (!hiInfinite) restMin += static_cast<__int128>(c) * hi[other];
                }
            }
            // x = -rest / coef.
            std::int64_t newLo = lo[cell], newHi = hi[cell];
            std::int64_t magnitude = coef > 0 ? coef : -coef;
            if (coef > 0) {  // x in [-restMax, -restMin] / coef
                if (!maxInfinite) newLo = std::max(newLo, ceilDiv(static_cast<std::int64_t>(-restMax), magnitude));
                if (!minInfinite) newHi = std::min(newHi, floorDiv(static_cast<std::int64_t>(-restMin), magnitude));
            } else {  // x in [restMin, restMax] / |coef|
                if (!minInfinite) newLo = std::max(newLo, ceilDiv(static_cast<std::int64_t>(restMin), magnitude));
                if (!maxInfinite) newHi = std::min(newHi, floorDiv(static_cast<std::int64_t>(restMax), magnitude));
            }
            moved |= narrow(cell, newLo, newHi);
        }
        return moved;
    }

    // e1 + sign * e2 with exact cells folded into a constant; solves it when one unknown is left.
    bool difference(const Equation& e1, const Equation& e2, std::int64_t sign) {
        Equation combined = e1;
        for (const auto& [cell, coef] : e2) {
            combined[cell] += sign * coef;
        }
        std::int64_t constant = 0;
        std::size_t unknownCell = 0, unknowns = 0;
        std::int64_t unknownCoef = 0;
        for (const auto& [cell, coef] : combined) {
            if (coef == 0) continue;
            if (exact(cell)) {
                constant += coef * lo[cell];
            } else {
                ++unknowns;
                unknownCell = cell;
                unknownCoef = coef;
            }
        }
        if (unknowns != 1 || constant % unknownCoef != 0) {
            return false;
        }
        std::int64_t value = -constant / unknownCoef;
        return narrow(unknownCell, value, value);
    }

    bool differencing() {
        std::map<std::size_t, std::vector<std::size_t>> byCell;
        for (std::size_t e = 0; e < equations.size(); ++e) {
            for (const auto& [cell, coef] : equations[e]) {
                if (!exact(cell)) byCell[cell].push_back(e);
            }
        }
        std::set<std::pair<std::size_t, std::size_t>> pairs;
        for (const auto& [cell, list] : byCell) {
            for (std::size_t i = 0; i < list.size(); ++i) {
                for (std::size_t j = i + 1; j < list.size(); ++j) {
                    pairs.insert({list[i], list[j]});
                }
            }
        }
        bool moved = false;
        for (const auto& [a, b] : pairs) {
            moved |= difference(equations[a], equations[b], -1);
            moved |= difference(equations[a], equations[b], +1);
        }
        return moved;
    }
};

}  // namespace

AttackResult attack(const std::vector<std::optional<std::int64_t>>& known,
                    const std::vector<std::pair<std::size_t, std::vector<std::size_t>>>& sums) {
    Attacker a;
    for (const auto& value : known) {
        a.lo.push_back(value ? *value : 0);
        a.hi.push_back(value ? *value : kUnbounded);
    }
    for (const auto& [total, parts] : sums) {
        Equation eq;
        eq[total] += 1;
        for (std::size_t part : parts) {
            eq[part] -= 1;
        }
        std::erase_if(eq, [](const auto& term) { return term.second == 0; });
        a.equations.push_back(std::move(eq));
    }
    bool moved = true;
    for (int rounds = 0; moved && rounds < 100000; ++rounds) {
        moved = false;
        for (const auto& eq : a.equations) {
            moved |= a.propagateOnce(eq);
        }
        if (!moved) {
            moved = a.differencing();
        }
    }
    return {a.lo, a.hi};
}

}  // namespace finsam::testing
