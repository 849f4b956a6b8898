// tests/plugins/csv_reader_test.cpp — plugins/sdk/toolkit/csv_reader: RFC 4180 records with
// physical lines.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "csv_reader.h"

namespace finsam::sdk::toolkit {
namespace {

std::vector<std::string> values(const CsvRecord& record) {
    std::vector<std::string> out;
    for (const auto& field : record.fields) {
        out.push_back(field.value);
    }
    return out;
}

TEST(CsvReader, SplitsCrlfRecordsAndNumbersColumns) {
    auto document = readCsv("a,b,c\r\n1,2,3\r\n");
    ASSERT_FALSE(document.error);
    ASSERT_EQ(document.records.size(), 2u);
    EXPECT_EQ(values(document.records[1]), (std::vector<std::string>{"1", "2", "3"}));
    EXPECT_EQ(document.records[1].line, 2);
    EXPECT_EQ(document.records[1].fields[2].column, 3);
    EXPECT_EQ(document.records[1].raw, "1,2,3");
}

TEST(CsvReader, AcceptsLfAndMissingFinalLineBreak) {
    auto document = readCsv("a,b\n1,2");
    ASSERT_EQ(document.records.size(), 2u);
    EXPECT_EQ(values(document.records[1]), (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(document.records[1].line, 2);
}

TEST(CsvReader, QuotedFieldsHoldSeparatorsQuotesAndLineBreaks) {
    auto document = readCsv(
        "x,\"a,b\",\"say "
        "\"\"hi\"\"\"\r\n\"two\r\nlines\",\"three\nlines\nhere\",z\r\nlast,1,2\r\n");
    ASSERT_FALSE(document.error);
    ASSERT_EQ(document.records.size(), 3u);
    EXPECT_EQ(values(document.records[0]), (std::vector<std::string>{"x", "a,b", "say \"hi\""}));
    EXPECT_EQ(values(document.records[1]),
              (std::vector<std::string>{"two\r\nlines", "three\nlines\nhere", "z"}));
    EXPECT_EQ(document.records[1].line, 2);
    EXPECT_EQ(document.records[1].lastLine, 5);
    EXPECT_EQ(document.records[2].line, 6);  // the physical line after four embedded breaks
}

TEST(CsvReader, EmptyFieldsAndTrailingSeparator) {
    auto document = readCsv("a,,c,\r\n");
    ASSERT_EQ(document.records.size(), 1u);
    EXPECT_EQ(values(document.records[0]), (std::vector<std::string>{"a", "", "c", ""}));
    EXPECT_EQ(document.records[0].fields[3].column, 4);
}

TEST(CsvReader, ConfigurableSeparatorAndQuote) {
    auto document = readCsv("a;'b;c';d\r\n", CsvOptions{';', '\''});
    ASSERT_EQ(document.records.size(), 1u);
    EXPECT_EQ(values(document.records[0]), (std::vector<std::string>{"a", "b;c", "d"}));
}

TEST(CsvReader, LoneCarriageReturnEndsALine) {
    auto document = readCsv("a\rb\r");
    ASSERT_EQ(document.records.size(), 2u);
    EXPECT_EQ(document.records[1].line, 2);
}

TEST(CsvReader, BlankLinesAndSpreadsheetEmptyRowsAreEmpty) {
    auto document = readCsv("a,b\r\n\r\n,\r\n\"\",\r\n");
    ASSERT_EQ(document.records.size(), 4u);
    EXPECT_TRUE(document.records[1].empty());
    EXPECT_TRUE(document.records[2].empty());
    EXPECT_FALSE(document.records[3].empty());  // a quoted empty string was written on purpose
    EXPECT_EQ(document.records[3].line, 4);
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorWithTheLineItOpened) {
    auto document = readCsv("a,b\r\n1,2\r\n3,\"open\r\nstill open\r\n");
    ASSERT_TRUE(document.error);
    EXPECT_EQ(document.error->line, 3);
    EXPECT_NE(document.error->message.find("line 3"), std::string::npos);
    EXPECT_EQ(document.records.size(), 2u);
}

TEST(CsvReader, LenientAboutStrayQuotesLikeExcel) {
    auto document = readCsv("ab\"c,\"d\"e\r\n");
    ASSERT_FALSE(document.error);
    EXPECT_EQ(values(document.records[0]), (std::vector<std::string>{"ab\"c", "de"}));
}

TEST(CsvReader, FieldOffsetsLocateTheCellInRaw) {
    auto document = readCsv("1,\"x,y\",3\r\n");
    const auto& record = document.records.at(0);
    const auto& quoted = record.fields.at(1);
    EXPECT_EQ(record.raw.substr(quoted.offset, quoted.length), "\"x,y\"");
    EXPECT_TRUE(quoted.quoted);
    EXPECT_EQ(record.raw.substr(record.fields[2].offset, record.fields[2].length), "3");
}

TEST(CsvReader, EmptyInputHasNoRecords) {
    auto document = readCsv("");
    EXPECT_TRUE(document.records.empty());
    EXPECT_FALSE(document.error);
}

}  // namespace
}  // namespace finsam::sdk::toolkit
