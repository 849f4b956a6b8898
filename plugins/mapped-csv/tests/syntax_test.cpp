// plugins/mapped-csv/tests/syntax_test.cpp — date layouts, number syntax, encodings and value
// matches.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "date_format.h"
#include "mapped_csv_settings.h"
#include "number_format.h"
#include "source_text.h"

namespace finsam::connectors::mapped_csv {
namespace {

namespace tk = sdk::toolkit;

TEST(DateFormat, AcceptsLayoutsOfYearMonthAndDayOnceEach) {
    for (const char* layout :
         {"YYYY-MM-DD", "YYYYMMDD", "DD/MM/YYYY", "DD.MM.YYYY", "MM/DD/YYYY", "YYYY MM DD"}) {
        EXPECT_TRUE(DateFormat::parse(layout).has_value()) << layout;
    }
    for (const char* layout :
         {"", "YYYY-MM", "YY-MM-DD", "YYYY-MM-DD-DD", "YYYY_MM_DD", "yyyy-mm-dd", "YYYY-MM-DDT"}) {
        EXPECT_FALSE(DateFormat::parse(layout).has_value()) << layout;
    }
}

TEST(DateFormat, ConvertsRealDatesOnlyAndExactlyAsWide) {
    const auto dmy = *DateFormat::parse("DD/MM/YYYY");
    EXPECT_EQ(dmy.toIso("29/02/2020"), "2020-02-29");
    EXPECT_EQ(dmy.toIso("29/02/2019"), std::nullopt);
    EXPECT_EQ(dmy.toIso("1/2/2020"), std::nullopt);
    EXPECT_EQ(dmy.toIso("01-02-2020"), std::nullopt);
    const auto compact = *DateFormat::parse("YYYYMMDD");
    EXPECT_EQ(compact.toIso("20191231"), "2019-12-31");
    EXPECT_EQ(compact.toIso("20191331"), std::nullopt);
    EXPECT_EQ(compact.toIso("2019123"), std::nullopt);
    EXPECT_EQ(compact.toIso("19740504-9334"), std::nullopt);
    EXPECT_EQ(DateFormat().toIso("2019-06-01"), "2019-06-01");
    EXPECT_EQ(DateFormat().toIso("2019-6-1"), std::nullopt);
}

TEST(NumberFormat, SwedishDecimalsAsDotDecimals) {
    const NumberFormat swedish{',', " "};
    EXPECT_EQ(swedish.decimal("1 250 000"), "1250000");
    EXPECT_EQ(swedish.decimal("8\xC2\xA0"
                              "423,50"),
              "8423.50");
    EXPECT_EQ(swedish.decimal("8\xE2\x80\xAF"
                              "423,50"),
              "8423.50");
    EXPECT_EQ(swedish.decimal("-1 000"), "-1000");
    EXPECT_EQ(swedish.decimal("\xE2\x88\x92"
                              "0,00"),
              "0.00");
    EXPECT_EQ(swedish.decimal("007,5"), "7.5");
    for (const char* bad : {"", "1 25 000", "1  000", "12.50", "1,", ",5", "950 kr", "1 000,5 0"}) {
        EXPECT_EQ(swedish.decimal(bad), std::nullopt) << bad;
    }
    EXPECT_EQ(swedish.decimal(" 1 000 "), "1000");  // the cell is trimmed first
}

TEST(NumberFormat, PointDecimalsWithCommaGroups) {
    const NumberFormat english{'.', ","};
    EXPECT_EQ(english.decimal("1,250,000.50"), "1250000.50");
    EXPECT_EQ(english.wholeNumber("1,200"), "1200");
    EXPECT_EQ(english.decimal("1.250,50"), std::nullopt);
    const NumberFormat ungrouped{',', ""};
    EXPECT_EQ(ungrouped.decimal("1 000"), std::nullopt);
    EXPECT_EQ(ungrouped.wholeNumber("1974"), "1974");
}

TEST(NumberFormat, WholeNumbersAndIntegralDecimals) {
    const NumberFormat swedish{',', " "};
    EXPECT_EQ(swedish.wholeNumber("0042"), "42");
    EXPECT_EQ(swedish.wholeNumber("75,0"), std::nullopt);
    EXPECT_EQ(swedish.integralDecimal("75,0"), "75");
    EXPECT_EQ(swedish.integralDecimal("100"), "100");
    EXPECT_EQ(swedish.integralDecimal("-0,0"), "0");
    EXPECT_EQ(swedish.integralDecimal("75,5"), std::nullopt);
    EXPECT_EQ(swedish.integralDecimal("75,05"), std::nullopt);
}

TEST(SourceText, Utf8MayHaveABomButMustBeValid) {
    std::string failure;
    EXPECT_EQ(decodeSource("\xEF\xBB\xBFK\xC3\xB6n", tk::Charset::kUtf8, failure), "K\xC3\xB6n");
    EXPECT_EQ(decodeSource("a\r\nK\xF6n", tk::Charset::kUtf8, failure), std::nullopt);
    EXPECT_EQ(failure,
              "line 2 is not valid UTF-8, but the settings say utf-8 (is the file "
              "Windows-1252?)");
}

TEST(SourceText, EightBitTextIsConvertedUnlessItIsReallyUtf8) {
    std::string failure;
    EXPECT_EQ(decodeSource("K\xF6n;\x80", tk::Charset::kWindows1252, failure),
              "K\xC3\xB6n;\xE2\x82\xAC");
    EXPECT_EQ(decodeSource("K\xF6n;\x80", tk::Charset::kLatin1, failure), "K\xC3\xB6n;\xC2\x80");
    EXPECT_EQ(decodeSource("\xEF\xBB\xBFKon", tk::Charset::kWindows1252, failure), std::nullopt);
    EXPECT_NE(failure.find("byte-order mark"), std::string::npos);
    EXPECT_EQ(decodeSource("Kon\nK\xC3\xB6n", tk::Charset::kLatin1, failure), std::nullopt);
    EXPECT_EQ(failure.substr(0, 43), "line 2 holds a UTF-8 multi-byte sequence (s");
    EXPECT_NE(failure.find("the settings say iso-8859-1"), std::string::npos);
}

TEST(SourceText, FindsTheFirstWellFormedMultiByteSequence) {
    EXPECT_EQ(findUtf8MultiByteSequence("plain ascii"), std::nullopt);
    EXPECT_EQ(findUtf8MultiByteSequence("G\xF6teborg \xE5\xE4\xF6"), std::nullopt);  // 8-bit text
    EXPECT_EQ(findUtf8MultiByteSequence("ab\xC3\xA5"), 2u);      // "å" in UTF-8
    EXPECT_EQ(findUtf8MultiByteSequence("\xC3"), std::nullopt);  // cut short
    EXPECT_EQ(findUtf8MultiByteSequence("x\xE2\x82\xAC"), 1u);   // "€"
}

TEST(ValueMatch, ComparesTrimmedIgnoringAsciiCase) {
    const ValueMatch match{ColumnRef{"Anonym", 0}, {"Ja", " Makulerad "}};
    EXPECT_TRUE(match.matches("Ja"));
    EXPECT_TRUE(match.matches(" jA\xC2\xA0"));
    EXPECT_TRUE(match.matches("MAKULERAD"));
    EXPECT_FALSE(match.matches("Jaa"));
    EXPECT_FALSE(match.matches(""));
    EXPECT_EQ(match.column.label(), "'Anonym'");
    EXPECT_EQ((ColumnRef{"", 5}).label(), "column 5");
    EXPECT_EQ((ColumnRef{"19740504-9334", 0}).label(), "(value withheld)");
}

}  // namespace
}  // namespace finsam::connectors::mapped_csv
