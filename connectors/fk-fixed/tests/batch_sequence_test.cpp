// connectors/fk-fixed/tests/batch_sequence_test.cpp — duplicates, gaps, late arrivals, reopened
// batches.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "batch_sequence.h"

namespace finsam::connectors::fk_fixed {
namespace {

TEST(BatchSequence, ClassifiesAgainstTheLastApplied) {
    const BatchSequence sequence(39, {{20, 21}});
    EXPECT_EQ(sequence.classify(40), Arrival::kNext);
    EXPECT_EQ(sequence.classify(41), Arrival::kAfterGap);
    EXPECT_EQ(sequence.classify(39), Arrival::kDuplicate);
    EXPECT_EQ(sequence.classify(1), Arrival::kDuplicate);
    EXPECT_EQ(sequence.classify(21), Arrival::kLate);
}

TEST(BatchSequence, AGapListsTheSkippedNumbers) {
    BatchSequence sequence(39, {});
    EXPECT_EQ(sequence.accept(41), (std::vector<BatchRange>{{40, 40}}));
    EXPECT_EQ(sequence.lastApplied(), 41);
    EXPECT_EQ(sequence.accept(45), (std::vector<BatchRange>{{42, 44}}));
    EXPECT_EQ(sequence.missing(), (std::vector<BatchRange>{{40, 40}, {42, 44}}));
    EXPECT_TRUE(sequence.accept(46).empty());
}

TEST(BatchSequence, ALateArrivalSplitsItsRange) {
    BatchSequence sequence(45, {{40, 40}, {42, 44}});
    sequence.accept(43);
    EXPECT_EQ(sequence.missing(), (std::vector<BatchRange>{{40, 40}, {42, 42}, {44, 44}}));
    sequence.accept(40);
    sequence.accept(42);
    sequence.accept(44);
    EXPECT_TRUE(sequence.missing().empty());
    EXPECT_EQ(sequence.lastApplied(), 45);
}

TEST(BatchSequence, AHugeJumpStaysOneRange) {
    BatchSequence sequence(1, {});
    sequence.accept(99999999);
    EXPECT_EQ(sequence.missing(), (std::vector<BatchRange>{{2, 99999998}}));
}

TEST(BatchSequence, ADuplicateChangesNothing) {
    BatchSequence sequence(5, {{3, 3}});
    EXPECT_TRUE(sequence.accept(4).empty());
    EXPECT_EQ(sequence.lastApplied(), 5);
    EXPECT_EQ(sequence.missing(), (std::vector<BatchRange>{{3, 3}}));
}

TEST(BatchSequence, AReopenedBatchIsMissingUntilDelivered) {
    BatchSequence sequence(6, {{2, 2}});
    sequence.reopen(6);
    sequence.reopen(6);
    EXPECT_EQ(sequence.missing(), (std::vector<BatchRange>{{2, 2}, {6, 6}}));
    EXPECT_EQ(sequence.classify(6), Arrival::kLate);
}

TEST(BatchSequence, DescribesRanges) {
    EXPECT_EQ(describeBatches({}), "none");
    EXPECT_EQ(describeBatches({{40, 40}}), "40");
    EXPECT_EQ(describeBatches({{40, 40}, {42, 45}}), "40 and 42-45");
    EXPECT_EQ(describeBatches({{1, 1}, {3, 4}, {9, 9}}), "1, 3-4 and 9");
}

}  // namespace
}  // namespace finsam::connectors::fk_fixed
