// tests/plugins/shifted_span_test.cpp — the cells a personal value may have moved to in a row of the wrong shape.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "shifted_span.h"

namespace finsam::sdk::toolkit {
namespace {

// AF's header order: Personnummer, Fornamn and Efternamn are cells 2, 3 and 4 (0-based) of 18.
const std::vector<std::size_t> kPersonal = {3, 2, 4};

std::optional<CellSpan> span(std::size_t first, std::size_t last) { return CellSpan{first, last}; }

TEST(ShiftedSpanTest, ARowOfTheHeadersWidthKeepsTheSpanFromLowestToHighest) {
    EXPECT_EQ(widenedSpan(kPersonal, 18, 18), span(2, 4));
}

TEST(ShiftedSpanTest, MissingCellsWidenItToTheLeftExtraCellsToTheRight) {
    EXPECT_EQ(widenedSpan(kPersonal, 18, 17), span(1, 4)) << "one missing before the names moves them left";
    EXPECT_EQ(widenedSpan(kPersonal, 18, 20), span(2, 6)) << "two extra before the names move them right";
}

TEST(ShiftedSpanTest, TheLeftEdgeStopsAtZeroHoweverManyCellsAreMissing) {
    EXPECT_EQ(widenedSpan(kPersonal, 18, 3), span(0, 4));
    EXPECT_EQ(widenedSpan(kPersonal, 18, 0), span(0, 4));
    // A 1-based caller gets 0 too, a cell no row has, so every real cell to the left is inside.
    EXPECT_EQ(widenedSpan(std::vector<std::size_t>{1}, 5, 3), span(0, 1));
}

TEST(ShiftedSpanTest, NoCellsNoSpanAndContainsIncludesBothEdges) {
    EXPECT_EQ(widenedSpan({}, 18, 17), std::nullopt);
    const CellSpan cells{2, 4};
    EXPECT_FALSE(cells.contains(1));
    EXPECT_TRUE(cells.contains(2));
    EXPECT_TRUE(cells.contains(4));
    EXPECT_FALSE(cells.contains(5));
}

}  // namespace
}  // namespace finsam::sdk::toolkit
