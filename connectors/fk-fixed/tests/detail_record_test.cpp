// connectors/fk-fixed/tests/detail_record_test.cpp — one detail line: fields, columns, operation,
// key, and each row-level fault.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "detail_record.h"
#include "identity_scan.h"

namespace finsam::connectors::fk_fixed {
namespace {

// A generated personnummer from the shared samples (valid Luhn, no real person).
constexpr const char* kNumber = "197405049334";

std::string detail(const std::string& number, const std::string& kod, const std::string& omf,
                   const std::string& from, const std::string& tom, std::string arende, char change,
                   char skydd = ' ') {
    arende.resize(16, ' ');
    std::string line = "D" + number + kod + omf + from + tom + arende + change + skydd;
    line.resize(100, ' ');
    return line;
}

std::string good(char change = 'N', const std::string& tom = "20181231") {
    return detail(kNumber, "SJP", "050", "20181019", tom, "2018-SJP-0000010", change);
}

sdk::Record recordOf(const std::string& line) {
    auto read = readDetail(line, {"/drop/f.txt", 7});
    EXPECT_TRUE(std::holds_alternative<sdk::Record>(read));
    return std::holds_alternative<sdk::Record>(read) ? std::get<sdk::Record>(read) : sdk::Record{};
}

sdk::Problem problemOf(const std::string& line) {
    auto read = readDetail(line, {"/drop/f.txt", 7});
    EXPECT_TRUE(std::holds_alternative<sdk::Problem>(read));
    return std::holds_alternative<sdk::Problem>(read) ? std::get<sdk::Problem>(read)
                                                      : sdk::Problem{};
}

TEST(Detail, EveryFieldAtItsColumn) {
    const auto record = recordOf(good());
    EXPECT_EQ(record.entity, "ersattningsperiod");
    EXPECT_EQ(record.key, "2018-SJP-0000010/2018-10-19");
    EXPECT_EQ(record.operation, sdk::Operation::kUpsert);
    EXPECT_EQ(record.position.source, "/drop/f.txt");
    EXPECT_EQ(record.position.line, 7);
    EXPECT_EQ(record.raw, good());
    const std::vector<std::tuple<std::string, std::string, int>> expected = {
        {"personnummer", kNumber, 2},    {"ersattningstyp", "SJP", 14},
        {"omfattning", "50", 17},        {"from_datum", "2018-10-19", 20},
        {"tom_datum", "2018-12-31", 28}, {"arende_id", "2018-SJP-0000010", 36},
        {"skyddad", "false", 53}};
    ASSERT_EQ(record.fields.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(record.fields[i].name, std::get<0>(expected[i]));
        EXPECT_EQ(record.fields[i].value, std::get<1>(expected[i]));
        EXPECT_EQ(record.fields[i].column, std::get<2>(expected[i]));
    }
}

TEST(Detail, AmendmentIsAnAmendOfTheSameKeyAndMakuleringARetract) {
    EXPECT_EQ(recordOf(good('A')).operation, sdk::Operation::kAmend) << "the host warns when it amends nothing";
    EXPECT_EQ(recordOf(good('A')).key, recordOf(good('N')).key);
    EXPECT_EQ(recordOf(good('M')).operation, sdk::Operation::kRetract);
    EXPECT_EQ(recordOf(good('M')).key, recordOf(good('N')).key);
}

TEST(Detail, BlankTomIsOngoingAndGivesNoField) {
    const auto record = recordOf(good('N', "        "));
    for (const auto& field : record.fields) {
        EXPECT_NE(field.name, "tom_datum");
    }
}

TEST(Detail, SkyddadIsTrueOnlyForS) {
    const auto line = detail(kNumber, "AKE", "100", "20190101", "        ", "X-1", 'N', 'S');
    EXPECT_EQ(recordOf(line).fields.back().value, "true");
}

TEST(Detail, OmfattningLosesItsLeadingZeros) {
    for (const auto& [sent, value] : std::vector<std::pair<std::string, std::string>>{
             {"025", "25"}, {"050", "50"}, {"075", "75"}, {"100", "100"}}) {
        const auto line = detail(kNumber, "RHP", sent, "20190101", "        ", "X-1", 'N');
        EXPECT_EQ(recordOf(line).fields[2].value, value);
    }
}

TEST(Detail, Latin1TextBecomesUtf8) {
    const auto line = detail(kNumber, "SJE", "100", "20190101", "        ", "\xC5R-\xD6", 'N');
    const auto record = recordOf(line);
    EXPECT_EQ(record.fields[4].value, "\xC3\x85R-\xC3\x96");
    EXPECT_EQ(record.key, "\xC3\x85R-\xC3\x96/2019-01-01");
    EXPECT_EQ(record.raw.size(), 102u);
}

struct FaultCase {
    std::string line;
    int column;
    std::string field;
    std::string code;
};

TEST(Detail, EachRowFaultNamesColumnFieldAndCodeWithoutTheNumber) {
    const std::vector<FaultCase> cases = {
        {detail("19740504933 ", "SJP", "050", "20181019", "20181231", "A-1", 'N'), 2,
         "personnummer", "invalid_personnummer"},
        {detail("1974-5049334", "SJP", "050", "20181019", "20181231", "A-1", 'N'), 2,
         "personnummer", "invalid_personnummer"},
        {detail(kNumber, "SJX", "050", "20181019", "20181231", "A-1", 'N'), 14, "ersattningstyp",
         "unknown_code"},
        {detail(kNumber, "sjp", "050", "20181019", "20181231", "A-1", 'N'), 14, "ersattningstyp",
         "unknown_code"},
        {detail(kNumber, "SJP", "000", "20181019", "20181231", "A-1", 'N'), 17, "omfattning",
         "bad_value"},
        {detail(kNumber, "SJP", "050", "20181301", "20181231", "A-1", 'N'), 20, "from_datum",
         "bad_date"},
        {detail(kNumber, "SJP", "050", "        ", "20181231", "A-1", 'N'), 20, "from_datum",
         "bad_date"},
        {detail(kNumber, "SJP", "050", "20181019", "20180229", "A-1", 'N'), 28, "tom_datum",
         "bad_date"},
        {detail(kNumber, "SJP", "050", "20181019", "20181018", "A-1", 'N'), 28, "tom_datum",
         "end_before_start"},
        {detail(kNumber, "SJP", "050", "20181019", "20181231", "", 'N'), 36, "arende_id",
         "missing_value"},
        {detail(kNumber, "SJP", "050", "20181019", "20181231", "A-1", 'n'), 52, "ändringskod",
         "unknown_code"},
        {detail(kNumber, "SJP", "050", "20181019", "20181231", "A-1", 'N', 'J'), 53, "skyddad",
         "bad_value"},
    };
    for (const auto& fault : cases) {
        const auto problem = problemOf(fault.line);
        EXPECT_EQ(problem.column, fault.column) << fault.line;
        EXPECT_EQ(problem.field, fault.field) << fault.line;
        EXPECT_EQ(problem.code, fault.code) << fault.line;
        EXPECT_EQ(problem.entity, "ersattningsperiod");
        EXPECT_EQ(problem.position.line, 7);
        EXPECT_EQ(problem.raw.substr(13), fault.line.substr(13));
        EXPECT_EQ(problem.raw.substr(1, 12).find_first_of("0123456789"), std::string::npos);
        EXPECT_TRUE(sdk::testkit::findIdentityLike(problem.message).empty()) << problem.message;
        EXPECT_EQ(problem.message.find("97405049"), std::string::npos) << problem.message;
    }
}

TEST(Detail, APersonnummerInADateFieldIsNeverQuoted) {
    std::string line = good();
    line.replace(19, 8, "74050493");  // eight digits of the number where the from date belongs
    const auto problem = problemOf(line);
    EXPECT_EQ(problem.code, "bad_date");
    EXPECT_TRUE(sdk::testkit::findIdentityLike(problem.message).empty());
}

TEST(Detail, AProblemNamesThePeriodWhenItsKeyIsReadable) {
    EXPECT_EQ(problemOf(detail(kNumber, "XXX", "050", "20181019", "        ", "A-1", 'N')).key,
              "A-1/2018-10-19");
    EXPECT_EQ(problemOf(detail(kNumber, "SJP", "050", "2018101x", "        ", "A-1", 'N')).key, "");
}

TEST(Detail, AQuarantinedRowKeepsTheShapeButNotTheDigitsOfTheNumber) {
    // 19860815882X escapes the host's redaction (11 digits); a digit förmånskod would make the
    // number part of a 15-digit run, which escapes it too.
    EXPECT_EQ(problemOf(detail("19860815882X", "SJP", "100", "20190110", "        ", "A-1", 'N'))
                  .raw.substr(0, 16),
              "D###########XSJP");
    EXPECT_EQ(problemOf(detail(kNumber, "123", "100", "20190110", "        ", "A-1", 'N'))
                  .raw.substr(0, 16),
              "D############123");
}

TEST(Detail, JunkInThePaddingIsQuarantined) {
    std::string line = good();
    line[99] = 'x';
    const auto problem = problemOf(line);
    EXPECT_EQ(problem.code, "wrong_shape");
    EXPECT_EQ(problem.column, 54);
}

}  // namespace
}  // namespace finsam::connectors::fk_fixed
