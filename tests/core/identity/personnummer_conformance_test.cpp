// tests/core/identity/personnummer_conformance_test.cpp — the personnummer libraries' shared list.
// Data: tests/data/personnummer/list.json (personnummer/meta testdata, MIT; see LICENSE.md there).
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/personnummer.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace finsam::identity {
namespace {

using namespace std::chrono_literals;

// The list's '-' and '+' spellings were written relative to "today" when it was made; every
// reference date from 2009-05-27 to 2057-05-13 agrees with all rows. Fixed dates (both ends and one
// between) keep the test independent of the clock.
constexpr std::chrono::year_month_day kReferences[] = {
    2009y / 5 / 27, 2026y / 11 / 23, 2057y / 5 / 13};

struct Row {
    std::string longFormat;
    std::string shortFormat;
    std::string separatedFormat;
    std::string separatedLong;
    bool valid = false;
    std::string type;
    bool isMale = false;
    bool isFemale = false;
};

std::string field(const rapidjson::Value& row, const char* name) {
    const auto it = row.FindMember(name);
    if (it == row.MemberEnd() || !it->value.IsString()) {
        ADD_FAILURE() << "row lacks string field " << name;
        return {};
    }
    return it->value.GetString();
}

bool flag(const rapidjson::Value& row, const char* name) {
    const auto it = row.FindMember(name);
    if (it == row.MemberEnd() || !it->value.IsBool()) {
        ADD_FAILURE() << "row lacks boolean field " << name;
        return false;
    }
    return it->value.GetBool();
}

std::vector<Row> loadRows() {
    const std::string path = std::string(FINSAM_TEST_DATA_DIR) + "/personnummer/list.json";
    std::ifstream in(path);
    EXPECT_TRUE(in) << "cannot open " << path;
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document doc;
    doc.Parse(text.str().c_str());
    EXPECT_FALSE(doc.HasParseError()) << path << " is not valid JSON";
    std::vector<Row> rows;
    if (doc.HasParseError() || !doc.IsArray()) {
        ADD_FAILURE() << path << " is not a JSON array";
        return rows;
    }
    for (const auto& value : doc.GetArray()) {
        Row row;
        row.longFormat = field(value, "long_format");
        row.shortFormat = field(value, "short_format");
        row.separatedFormat = field(value, "separated_format");
        row.separatedLong = field(value, "separated_long");
        row.valid = flag(value, "valid");
        row.type = field(value, "type");
        row.isMale = flag(value, "isMale");
        row.isFemale = flag(value, "isFemale");
        rows.push_back(std::move(row));
    }
    return rows;
}

// Ten digits without a separator are read as a person under 100: a century after long_format.
std::string laterCentury(const std::string& longFormat) {
    const int century = std::stoi(longFormat.substr(0, 2)) + 1;
    return std::to_string(century) + longFormat.substr(2);
}

class PersonnummerConformance : public ::testing::Test {
protected:
    static void SetUpTestSuite() { rows_ = loadRows(); }
    static std::vector<Row> rows_;
};

std::vector<Row> PersonnummerConformance::rows_;

TEST_F(PersonnummerConformance, ListIsPresentAndHasBothValidAndInvalidRows) {
    ASSERT_FALSE(rows_.empty());
    int valid = 0;
    for (const Row& row : rows_) {
        valid += row.valid ? 1 : 0;
    }
    EXPECT_GT(valid, 0);
    EXPECT_LT(valid, static_cast<int>(rows_.size()));
}

TEST_F(PersonnummerConformance, InvalidRowsAreRejectedInEverySpelling) {
    for (const Row& row : rows_) {
        if (row.valid) {
            continue;
        }
        for (const auto& reference : kReferences) {
            for (const std::string& spelling :
                 {row.longFormat, row.shortFormat, row.separatedFormat, row.separatedLong}) {
                const ParseResult result = parsePersonnummer(spelling, reference);
                EXPECT_FALSE(result.ok) << "accepted invalid " << spelling;
                EXPECT_FALSE(result.error.empty()) << spelling;
            }
        }
    }
}

TEST_F(PersonnummerConformance, ValidRowsAreAcceptedWithKindSexAndNormalForm) {
    for (const Row& row : rows_) {
        if (!row.valid) {
            continue;
        }
        const bool hundredPlus = row.separatedFormat.find('+') != std::string::npos;
        const IdentityKind kind =
            row.type == "con" ? IdentityKind::kSamordningsnummer : IdentityKind::kPersonnummer;
        ASSERT_TRUE(row.type == "con" || row.type == "ssn") << row.type;
        ASSERT_NE(row.isMale, row.isFemale) << row.longFormat;
        const Sex sex = row.isMale ? Sex::kMan : Sex::kKvinna;

        for (const auto& reference : kReferences) {
            for (const std::string& spelling :
                 {row.longFormat, row.shortFormat, row.separatedFormat, row.separatedLong}) {
                const ParseResult result = parsePersonnummer(spelling, reference);
                ASSERT_TRUE(result.ok) << "rejected valid " << spelling << ": " << result.error;
                EXPECT_EQ(result.identity.kind, kind) << spelling;
                EXPECT_EQ(result.identity.sex, sex) << spelling;
                const bool shortOfHundredPlus = hundredPlus && spelling == row.shortFormat;
                const std::string expected =
                    shortOfHundredPlus ? laterCentury(row.longFormat) : row.longFormat;
                EXPECT_EQ(result.identity.normalized, expected) << spelling;
                EXPECT_EQ(result.identity.birthYear, std::stoi(expected.substr(0, 4))) << spelling;
            }
        }
    }
}

}  // namespace
}  // namespace finsam::identity
