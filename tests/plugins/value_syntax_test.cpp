// tests/plugins/value_syntax_test.cpp — plugins/sdk/toolkit/value_syntax: Swedish amounts,
// integers, dates, lists.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "value_syntax.h"

namespace finsam::sdk::toolkit {
namespace {

TEST(ValueSyntax, AmountsWithSpaceOrNbspThousandsAndDecimalComma) {
    EXPECT_EQ(parseSwedishAmount("1 250 000"), "1250000");
    EXPECT_EQ(parseSwedishAmount("1\xC2\xA0"
                                 "250\xC2\xA0"
                                 "000"),
              "1250000");
    EXPECT_EQ(parseSwedishAmount("1\xE2\x80\xAF"
                                 "000"),
              "1000");
    EXPECT_EQ(parseSwedishAmount("8 423,50"), "8423.50");
    EXPECT_EQ(parseSwedishAmount("8423,5"), "8423.5");
    EXPECT_EQ(parseSwedishAmount(" 950 "), "950");
    EXPECT_EQ(parseSwedishAmount("0,50"), "0.50");
    EXPECT_EQ(parseSwedishAmount("007"), "7");
    EXPECT_EQ(parseSwedishAmount("-15 000"), "-15000");
    EXPECT_EQ(parseSwedishAmount("\xE2\x88\x92"
                                 "15 000"),
              "-15000");
    EXPECT_EQ(parseSwedishAmount("-0,00"), "0.00");
}

TEST(ValueSyntax, AmountsRefuseWhatIsNotSwedishSyntax) {
    for (const char* bad : {"", " ", "1 25 000", "1250 000", "1  000", "12.50", "1,250.00",
                            "950 kr", ",50", "5,", "1,2,3", "abc", "- 5", "1 000 x"}) {
        EXPECT_FALSE(parseSwedishAmount(bad)) << bad;
    }
}

TEST(ValueSyntax, Integers) {
    EXPECT_EQ(parseInteger("2019"), "2019");
    EXPECT_EQ(parseInteger("0042"), "42");
    EXPECT_EQ(parseInteger("-7"), "-7");
    EXPECT_EQ(parseInteger("-0"), "0");
    EXPECT_FALSE(parseInteger("1 200"));
    EXPECT_EQ(parseInteger("1 200", DigitGrouping::kAllowed), "1200");
    EXPECT_FALSE(parseInteger("2,5", DigitGrouping::kAllowed));
    EXPECT_FALSE(parseInteger("tolv"));
    EXPECT_FALSE(parseInteger(""));
    EXPECT_FALSE(parseInteger("19x4"));
}

TEST(ValueSyntax, IsoDatesMustBeRealCalendarDates) {
    EXPECT_TRUE(isIsoDate("2018-01-01"));
    EXPECT_TRUE(isIsoDate("2020-02-29"));
    EXPECT_TRUE(isIsoDate("2000-02-29"));
    EXPECT_FALSE(isIsoDate("1900-02-29"));
    EXPECT_FALSE(isIsoDate("2019-02-29"));
    EXPECT_FALSE(isIsoDate("2018-04-31"));
    EXPECT_FALSE(isIsoDate("2018-13-01"));
    EXPECT_FALSE(isIsoDate("2018-00-10"));
    EXPECT_FALSE(isIsoDate("2018-01-00"));
    EXPECT_FALSE(isIsoDate("0000-01-01"));
    EXPECT_FALSE(isIsoDate("2019-6-1"));
    EXPECT_FALSE(isIsoDate("20190601"));
    EXPECT_FALSE(isIsoDate("2019/06/01"));
    EXPECT_FALSE(isIsoDate(" 2019-06-01"));
}

TEST(ValueSyntax, ListsAreTrimmedAndEmptyItemsDropped) {
    EXPECT_EQ(splitList("Unga 16-29; Försörjningsstöd ;;"),
              (std::vector<std::string>{"Unga 16-29", "Försörjningsstöd"}));
    EXPECT_EQ(splitList("af"), (std::vector<std::string>{"af"}));
    EXPECT_TRUE(splitList("").empty());
    EXPECT_TRUE(splitList(" ; ").empty());
    EXPECT_EQ(splitList("a|b", '|'), (std::vector<std::string>{"a", "b"}));
}

TEST(ValueSyntax, TrimRemovesBlanksLineBreaksAndNonBreakingSpaces) {
    EXPECT_EQ(trim("\xC2\xA0 Kvinna\t\xE2\x80\xAF"), "Kvinna");
    EXPECT_EQ(trim("   "), "");
    EXPECT_EQ(trim("a b"), "a b");
    EXPECT_EQ(trim("\r\nPsykisk ohälsa\n"), "Psykisk ohälsa");
    EXPECT_EQ(trim("två\nrader"), "två\nrader");
}

}  // namespace
}  // namespace finsam::sdk::toolkit
