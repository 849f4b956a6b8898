// tests/core/identity/personnummer_test.cpp — personnummer rules beyond the conformance list.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/personnummer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace finsam::identity {
namespace {

using namespace std::chrono_literals;

constexpr std::chrono::year_month_day kReference{2026y / 11 / 23};

ParseResult parse(const std::string& input) {
    return parsePersonnummer(input, kReference);
}

std::string normalizedOf(const std::string& input,
                         std::chrono::year_month_day reference = kReference) {
    const ParseResult result = parsePersonnummer(input, reference);
    EXPECT_TRUE(result.ok) << input << ": " << result.error;
    return result.identity.normalized;
}

TEST(Personnummer, AcceptsEverySpellingOfOneNumber) {
    for (const char* spelling :
         {"199001011239", "9001011239", "900101-1239", "19900101-1239"}) {
        const ParseResult result = parse(spelling);
        ASSERT_TRUE(result.ok) << spelling << ": " << result.error;
        EXPECT_EQ(result.identity.normalized, "199001011239");
        EXPECT_EQ(result.identity.kind, IdentityKind::kPersonnummer);
        EXPECT_EQ(result.identity.birthYear, 1990);
    }
}

TEST(Personnummer, SexFollowsParityOfSecondToLastDigit) {
    EXPECT_EQ(parse("900101-1239").identity.sex, Sex::kMan);     // 3: odd
    EXPECT_EQ(parse("900101-1247").identity.sex, Sex::kKvinna);  // 4: even
    EXPECT_EQ(parse("811218-9876").identity.sex, Sex::kMan);     // Skatteverket's example
}

TEST(Personnummer, RejectsWrongCheckDigit) {
    const ParseResult result = parse("900101-1238");
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.error, "invalid check digit");
}

TEST(Personnummer, RejectsBirthNumberZero) {
    // Check digits are right; the birth number 000 is never issued.
    for (const char* input : {"900101-0009", "199001010009", "20150916-0006", "1509160006"}) {
        const ParseResult result = parse(input);
        EXPECT_FALSE(result.ok) << input;
        EXPECT_EQ(result.error, "invalid birth number") << input;
    }
}

TEST(Personnummer, LeapDays) {
    EXPECT_EQ(normalizedOf("20000229-1235"), "200002291235");  // 2000: divisible by 400
    EXPECT_EQ(normalizedOf("000229-1235"), "200002291235");
    EXPECT_EQ(normalizedOf("20040229-1231"), "200402291231");
    const ParseResult century = parse("19000229-1235");  // 1900: divisible by 100, not by 400
    EXPECT_FALSE(century.ok);
    EXPECT_EQ(century.error, "invalid date");
    EXPECT_FALSE(parse("000229+1235").ok);  // '+' makes it 1900-02-29
    EXPECT_FALSE(parse("20230229-1238").ok);
    EXPECT_FALSE(parse("230229-1238").ok);
}

TEST(Personnummer, RejectsImpossibleDates) {
    for (const char* input : {"900001-1230", "901301-1230", "900100-1230", "900132-1230",
                              "900431-1230", "900192-1230"}) {
        const ParseResult result = parse(input);
        EXPECT_FALSE(result.ok) << input;
        EXPECT_EQ(result.error, "invalid date") << input;
    }
}

TEST(Personnummer, Samordningsnummer) {
    const ParseResult result = parse("900161-1236");  // 1 January 1990, day + 60
    ASSERT_TRUE(result.ok) << result.error;
    EXPECT_EQ(result.identity.kind, IdentityKind::kSamordningsnummer);
    EXPECT_EQ(result.identity.normalized, "199001611236");  // keeps day + 60
    EXPECT_EQ(result.identity.sex, Sex::kMan);
    EXPECT_EQ(result.identity.birthYear, 1990);

    EXPECT_TRUE(parse("20000289-1232").ok);   // 29 February 2000 + 60
    EXPECT_FALSE(parse("19900289-1233").ok);  // 1990 has no 29 February
    EXPECT_FALSE(parse("900160-1230").ok);    // day 0 + 60
    EXPECT_FALSE(parse("900192-1230").ok);    // day 32 + 60
}

TEST(Personnummer, CenturyOfTenDigitForms) {
    // '-' or none: the latest century that puts the birth date on or before the reference date.
    EXPECT_EQ(normalizedOf("991231-1231"), "199912311231");
    EXPECT_EQ(normalizedOf("261123-1230"), "202611231230");  // born on the reference date
    EXPECT_EQ(normalizedOf("2611231230"), "202611231230");
    EXPECT_EQ(normalizedOf("261124-1239"), "192611241239");  // one day later: a century earlier
    // '+': 100 years before that (aged 100 or more).
    EXPECT_EQ(normalizedOf("261123+1230"), "192611231230");
    EXPECT_EQ(normalizedOf("261124+1239"), "182611241239");
    EXPECT_EQ(normalizedOf("000101+1238"), "190001011238");
    // The same spelling read at another reference date.
    EXPECT_EQ(normalizedOf("261124-1239", 2026y / 11 / 24), "202611241239");
    EXPECT_EQ(normalizedOf("991231-1231", 2100y / 1 / 1), "209912311231");
}

TEST(Personnummer, TwelveDigitFormsAreTakenAsGiven) {
    EXPECT_EQ(normalizedOf("19090527+1474"), "190905271474");
    EXPECT_EQ(normalizedOf("20261123+1230"), "202611231230");
    EXPECT_EQ(normalizedOf("18791221-9990"), "187912219990");
}

TEST(Personnummer, RejectsSpacesAnywhere) {
    for (const char* input : {"900101 1239", "900101 -1239", "900101- 1239", " 900101-1239",
                              "900101-1239 ", "19900101 1239", "9001011239\n", "900101\t1239",
                              "1990 0101 1239"}) {
        const ParseResult result = parse(input);
        EXPECT_FALSE(result.ok) << '"' << input << '"';
        EXPECT_FALSE(result.error.empty());
    }
}

TEST(Personnummer, RejectsOtherShapes) {
    for (const char* input : {"", "-", "90010112", "900101123", "90010112390", "1990010112390",
                              "9001-011239", "900101_1239", "900101--1239", "19900101+-1239",
                              "1990-01-01-1239", "90O101-1239", "900101-123X", "+9001011239",
                              "199001011-239", "900101.1239", "１９９００１０１１２３９"}) {
        const ParseResult result = parse(input);
        EXPECT_FALSE(result.ok) << '"' << input << '"';
        EXPECT_EQ(result.error, "wrong length or format") << '"' << input << '"';
    }
}

TEST(Personnummer, ErrorsNeverContainDigits) {
    for (const char* input : {"900101-1238", "19000229-1235", "900101 1239", "90010112390",
                              "900192-1230", "201509160006", "19090527 1474", "abc123def"}) {
        const ParseResult result = parse(input);
        ASSERT_FALSE(result.ok) << input;
        EXPECT_EQ(result.error.find_first_of("0123456789"), std::string::npos) << result.error;
        EXPECT_EQ(result.error.find(input), std::string::npos);
    }
}

TEST(Personnummer, LuhnCheckDigit) {
    EXPECT_EQ(luhnCheckDigit("811218987"), 6);
    EXPECT_EQ(luhnCheckDigit("900101123"), 9);
    EXPECT_EQ(luhnCheckDigit("000101000"), 8);
    EXPECT_EQ(luhnCheckDigit("900101000"), 9);
    EXPECT_THROW(luhnCheckDigit("81121898"), std::invalid_argument);
    EXPECT_THROW(luhnCheckDigit("81121898x"), std::invalid_argument);
}

TEST(Personnummer, TodayOverloadUsesACurrentReference) {
    // Someone born 1 January 1990 is under 100 today, so '-' reads as 1990 whatever the clock says
    // (until 2089); '+' as 1890.
    EXPECT_EQ(parsePersonnummer("900101-1239").identity.normalized, "199001011239");
    EXPECT_EQ(parsePersonnummer("900101+1239").identity.normalized, "189001011239");
}

TEST(Personnummer, ToString) {
    EXPECT_STREQ(toString(IdentityKind::kPersonnummer), "personnummer");
    EXPECT_STREQ(toString(IdentityKind::kSamordningsnummer), "samordningsnummer");
    EXPECT_STREQ(toString(Sex::kMan), "man");
    EXPECT_STREQ(toString(Sex::kKvinna), "kvinna");
}

}  // namespace
}  // namespace finsam::identity
