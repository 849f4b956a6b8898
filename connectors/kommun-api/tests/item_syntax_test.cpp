// connectors/kommun-api/tests/item_syntax_test.cpp — months, numbers and stamps as the items write them.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "month.h"
#include "personnummer_check.h"
#include "rfc3339.h"

namespace finsam::connectors::kommun_api {
namespace {

TEST(Month, ConsecutiveMonthsAreConsecutiveNumbersAcrossYearEnds) {
    ASSERT_TRUE(parseMonth("2019-12"));
    EXPECT_EQ(*parseMonth("2020-01"), *parseMonth("2019-12") + 1);
    EXPECT_EQ(monthText(*parseMonth("2020-01")), "2020-01");
}

TEST(Month, PeriodsRunFromTheFirstToTheLastDayOfTheirMonths) {
    EXPECT_EQ(firstDayOf(*parseMonth("2019-03")), "2019-03-01");
    EXPECT_EQ(lastDayOf(*parseMonth("2019-03")), "2019-03-31");
    EXPECT_EQ(lastDayOf(*parseMonth("2019-04")), "2019-04-30");
    EXPECT_EQ(lastDayOf(*parseMonth("2019-02")), "2019-02-28");
    EXPECT_EQ(lastDayOf(*parseMonth("2020-02")), "2020-02-29") << "leap year";
    EXPECT_EQ(lastDayOf(*parseMonth("1900-02")), "1900-02-28") << "a century is no leap year";
    EXPECT_EQ(lastDayOf(*parseMonth("2000-02")), "2000-02-29") << "unless divisible by 400";
}

TEST(Month, AnythingButYearDashMonthIsRefused) {
    for (const char* bad : {"2019-13", "2019-00", "2019-3", "201903", "2019-03-01", "19-03", "abcd-ef", ""}) {
        EXPECT_FALSE(parseMonth(bad)) << bad;
    }
}

TEST(Personnummer, ValidNumbersAndSamordningsnummerPass) {
    EXPECT_FALSE(personnummerFault("197405049334"));
    EXPECT_FALSE(personnummerFault("200102181732"));
    EXPECT_FALSE(personnummerFault("197012642398")) << "samordningsnummer: day + 60";
}

TEST(Personnummer, FaultsAreNamedWithoutTheNumber) {
    const char* cases[] = {"197405049335", "19740504-9334", "7405049334", "197402309334", "197405040004", ""};
    for (const char* number : cases) {
        auto fault = personnummerFault(number);
        ASSERT_TRUE(fault) << number;
        EXPECT_EQ(fault->find("9334"), std::string::npos);
    }
    EXPECT_EQ(*personnummerFault("197405049335"), "has a wrong check digit");
    EXPECT_EQ(*personnummerFault("197402309334"), "does not begin with a real date");
}

TEST(Rfc3339, SwedishLocalStampsAndUtcPass) {
    EXPECT_TRUE(isRfc3339("2019-03-05T06:00:00+01:00"));
    EXPECT_TRUE(isRfc3339("2019-07-05T06:00:00+02:00"));
    EXPECT_TRUE(isRfc3339("2019-07-05T04:00:00.123Z"));
    for (const char* bad : {"2019-03-05", "2019-03-05 06:00:00+01:00", "2019-02-30T06:00:00Z",
                            "2019-03-05T25:00:00Z", "2019-03-05T06:00:00", "2019-03-05T06:00:00+0100"}) {
        EXPECT_FALSE(isRfc3339(bad)) << bad;
    }
}

}  // namespace
}  // namespace finsam::connectors::kommun_api
