// core/indicators/disclosure_control.h — which counts of a release are suppressed (docs/indicators.md §7):
// primary suppression of small counts, then secondary suppression until no suppressed count can be narrowed,
// from what is published and the relations everyone knows, to an interval narrower than the threshold.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace finsam::indicators {

struct DisclosureRules {
    std::int64_t threshold = 5;
    bool suppressZero = false;
};

/// The counts of one release and the exact relations between them, as cells and sums.
class DisclosureProblem {
public:
    /// A count. published=false: a hidden but derivable count (e.g. a share's complement), sensitive like any
    /// other, never shown. keep: how much the release wants it published; secondary suppression takes cells of
    /// lower keep first.
    std::size_t addCell(std::int64_t value, bool published = true, int keep = 0);
    /// An exact relation known to everyone: value(total) == sum of value(parts). Parts may repeat across
    /// relations. Throws std::out_of_range for an unknown cell id.
    void addSum(std::size_t total, std::vector<std::size_t> parts);

    std::size_t size() const { return values_.size(); }
    std::int64_t value(std::size_t cell) const { return values_.at(cell); }
    bool published(std::size_t cell) const { return published_.at(cell); }
    int keep(std::size_t cell) const { return keep_.at(cell); }

    std::size_t relationCount() const { return totals_.size(); }
    std::size_t total(std::size_t relation) const { return totals_.at(relation); }
    const std::vector<std::size_t>& parts(std::size_t relation) const { return parts_.at(relation); }

private:
    std::vector<std::int64_t> values_;
    std::vector<bool> published_;
    std::vector<int> keep_;
    std::vector<std::size_t> totals_;
    std::vector<std::vector<std::size_t>> parts_;
};

/// Which cells end up suppressed (index = cell id). Hidden cells always count as unknown to the attacker; a
/// hidden cell is reported suppressed only when it is itself sensitive. Deterministic. Throws
/// std::invalid_argument when a relation does not hold for the given values or a value is negative.
std::vector<bool> suppress(const DisclosureProblem& problem, const DisclosureRules& rules);

}  // namespace finsam::indicators
