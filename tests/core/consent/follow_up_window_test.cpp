// tests/core/consent/follow_up_window_test.cpp — window edges, month ends and Feb 29.
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/follow_up_window.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "tests/core/consent/consent_fixtures.h"

namespace finsam::consent {
namespace {

using fixtures::d;

struct ShiftCase {
    std::string from;
    int amount;
    std::string expected;
};

/// Names the case in failure messages instead of a byte dump.
void PrintTo(const ShiftCase& c, std::ostream* out) {
    *out << c.from << " + " << c.amount << " → " << c.expected;
}

class AddMonthsTest : public ::testing::TestWithParam<ShiftCase> {};

TEST_P(AddMonthsTest, ClampsToTheLastDayOfAShorterMonth) {
    const ShiftCase& c = GetParam();
    EXPECT_EQ(formatIsoDate(addMonths(d(c.from), c.amount)), c.expected);
}

INSTANTIATE_TEST_SUITE_P(Table, AddMonthsTest,
                         ::testing::Values(ShiftCase{"2023-01-31", 1, "2023-02-28"},
                                           ShiftCase{"2024-01-31", 1, "2024-02-29"},
                                           ShiftCase{"2023-08-31", 12, "2024-08-31"},
                                           ShiftCase{"2024-02-29", 12, "2025-02-28"},
                                           ShiftCase{"2023-05-31", 1, "2023-06-30"},
                                           ShiftCase{"2023-03-31", -1, "2023-02-28"},
                                           ShiftCase{"2020-12-15", 1, "2021-01-15"},
                                           ShiftCase{"2021-01-15", -1, "2020-12-15"},
                                           ShiftCase{"2021-01-15", 0, "2021-01-15"}));

class AddYearsTest : public ::testing::TestWithParam<ShiftCase> {};

TEST_P(AddYearsTest, Feb29BecomesFeb28OutsideLeapYears) {
    const ShiftCase& c = GetParam();
    EXPECT_EQ(formatIsoDate(addYears(d(c.from), c.amount)), c.expected);
}

INSTANTIATE_TEST_SUITE_P(Table, AddYearsTest,
                         ::testing::Values(ShiftCase{"2024-02-29", -10, "2014-02-28"},
                                           ShiftCase{"2024-02-29", -4, "2020-02-29"},
                                           ShiftCase{"2024-02-29", 1, "2025-02-28"},
                                           ShiftCase{"2020-03-15", -10, "2010-03-15"},
                                           ShiftCase{"2020-12-31", -10, "2010-12-31"}));

TEST(AddDays, CrossesMonthAndYearEnds) {
    EXPECT_EQ(formatIsoDate(addDays(d("2020-12-31"), 1)), "2021-01-01");
    EXPECT_EQ(formatIsoDate(addDays(d("2024-03-01"), -1)), "2024-02-29");
}

TEST(DateRange, BothEndsAreInclusive) {
    const DateRange range{d("2020-01-10"), d("2020-01-20")};
    EXPECT_FALSE(range.contains(d("2020-01-09")));
    EXPECT_TRUE(range.contains(d("2020-01-10")));
    EXPECT_TRUE(range.contains(d("2020-01-20")));
    EXPECT_FALSE(range.contains(d("2020-01-21")));
}

TEST(DateRange, AnOpenEndHasNoUpperBound) {
    const DateRange range{d("2020-01-10"), std::nullopt};
    EXPECT_FALSE(range.contains(d("2020-01-09")));
    EXPECT_TRUE(range.contains(d("2099-12-31")));
}

TEST(DateRange, AnEndBeforeTheStartContainsNothing) {
    const DateRange range{d("2020-01-10"), d("2020-01-09")};
    EXPECT_FALSE(range.contains(d("2020-01-09")));
    EXPECT_FALSE(range.contains(d("2020-01-10")));
}

struct WindowCase {
    std::string date;
    bool inside;
};

/// Names the case in failure messages instead of a byte dump.
void PrintTo(const WindowCase& c, std::ostream* out) {
    *out << c.date;
}

class DefaultWindowTest : public ::testing::TestWithParam<WindowCase> {};

// Participation 2019-04-01 – 2020-06-30: 10 years before its start to 12 months after its end.
TEST_P(DefaultWindowTest, RunsTenYearsBeforeStartToTwelveMonthsAfterEnd) {
    const DateRange window = followUpWindow(fixtures::participation(), WindowConfig{});
    EXPECT_EQ(window.contains(d(GetParam().date)), GetParam().inside) << GetParam().date;
}

INSTANTIATE_TEST_SUITE_P(
    Edges, DefaultWindowTest,
    ::testing::Values(WindowCase{"2009-03-31", false},  // 10 years + 1 day before
                      WindowCase{"2009-04-01", true},   // exactly 10 years before
                      WindowCase{"2019-04-01", true},   // the start
                      WindowCase{"2020-06-30", true},   // the end
                      WindowCase{"2021-06-30", true},   // 12 months after the end
                      WindowCase{"2021-07-01", false}));

TEST(FollowUpWindow, EndsAreTheExactDates) {
    const DateRange window = followUpWindow(fixtures::participation(), WindowConfig{});
    EXPECT_EQ(formatIsoDate(window.from), "2009-04-01");
    ASSERT_TRUE(window.to.has_value());
    EXPECT_EQ(formatIsoDate(*window.to), "2021-06-30");
}

TEST(FollowUpWindow, AnOngoingParticipationHasAnOpenEnd) {
    Participation p = fixtures::participation();
    p.end.reset();
    const DateRange window = followUpWindow(p, WindowConfig{});
    EXPECT_FALSE(window.to.has_value());
    EXPECT_TRUE(window.contains(d("2090-01-01")));
}

TEST(FollowUpWindow, IsConfigurable) {
    const DateRange window = followUpWindow(fixtures::participation(), WindowConfig{2, 6});
    EXPECT_EQ(formatIsoDate(window.from), "2017-04-01");
    ASSERT_TRUE(window.to.has_value());
    EXPECT_EQ(formatIsoDate(*window.to), "2020-12-30");
}

TEST(FollowUpWindow, ClampsAtLeapDayAndMonthEnd) {
    Participation p = fixtures::participation();
    p.start = d("2024-02-29");
    p.end = d("2024-02-29");
    const DateRange window = followUpWindow(p, WindowConfig{});
    EXPECT_EQ(formatIsoDate(window.from), "2014-02-28");
    EXPECT_EQ(formatIsoDate(*window.to), "2025-02-28");
    p.end = d("2023-08-31");
    EXPECT_EQ(formatIsoDate(*followUpWindow(p, WindowConfig{0, 6}).to), "2024-02-29");
}

TEST(FormatIsoDate, PadsMonthAndDay) {
    EXPECT_EQ(formatIsoDate(d("2009-04-01")), "2009-04-01");
}

}  // namespace
}  // namespace finsam::consent
