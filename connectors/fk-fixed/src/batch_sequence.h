// connectors/fk-fixed/src/batch_sequence.h — fk-fixed.md "Rules", batch numbers: duplicates, gaps
// and the numbers still missing.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace finsam::connectors::fk_fixed {

/// Batch numbers first..last, both included.
struct BatchRange {
    std::int64_t first = 0;
    std::int64_t last = 0;

    bool operator==(const BatchRange&) const = default;
};

/// How a batch number relates to what was applied before.
enum class Arrival {
    kNext,       ///< last applied + 1
    kAfterGap,   ///< beyond last applied + 1: the numbers between are missing
    kLate,       ///< one of the missing numbers, arriving after all (e.g. a re-processed file)
    kDuplicate,  ///< at or below the last applied and not missing: already applied
};

/// The last applied batch number and the numbers skipped over that never arrived, kept as ranges
/// so a wildly wrong number cannot blow up the checkpoint.
class BatchSequence {
public:
    BatchSequence() = default;
    BatchSequence(std::int64_t lastApplied, std::vector<BatchRange> missing);

    Arrival classify(std::int64_t batch) const;
    /// Records `batch` as applied (per classify(); a duplicate changes nothing). Returns the
    /// numbers it newly showed missing (only for kAfterGap).
    std::vector<BatchRange> accept(std::int64_t batch);
    /// `batch` started but could not be finished: it counts as missing until it is delivered.
    void reopen(std::int64_t batch);

    std::int64_t lastApplied() const { return lastApplied_; }
    const std::vector<BatchRange>& missing() const { return missing_; }

private:
    bool isMissing(std::int64_t batch) const;

    std::int64_t lastApplied_ = 0;
    std::vector<BatchRange> missing_;  ///< ascending, disjoint
};

/// "40", "40 and 42", "40-45, 47 and 50" (plain integers: never ten digits in a row).
std::string describeBatches(const std::vector<BatchRange>& ranges);

}  // namespace finsam::connectors::fk_fixed
