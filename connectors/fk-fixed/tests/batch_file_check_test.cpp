// connectors/fk-fixed/tests/batch_file_check_test.cpp — the whole-file rules one by one, and the
// header and trailer fields.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <vector>

#include "batch_file_check.h"
#include "header_trailer.h"
#include "identity_scan.h"

namespace finsam::connectors::fk_fixed {
namespace {

constexpr const char* kReceiver = "2220001230";

std::string pad(std::string line) {
    line.resize(100, ' ');
    return line;
}

std::string header(int batch = 7, const std::string& receiver = kReceiver,
                   const std::string& sender = "2021005521") {
    char number[16];
    std::snprintf(number, sizeof number, "%08d", batch);
    return pad("H" + sender + "20190102061500" + number + receiver);
}

std::string detail(const std::string& omfattning = "050") {
    return pad("D197405049334SJP" + omfattning + "2018101920181231A-1             N");
}

std::string trailer(const std::string& count, const std::string& sum) {
    return pad("T" + count + sum);
}

FileVerdict check(const std::vector<std::string>& lines, bool finalLf = true) {
    BatchFileCheck checker(kReceiver);
    std::int64_t number = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool lf = finalLf || i + 1 < lines.size();
        checker.add(Line{lines[i], lines[i].size(), lf, ++number});
    }
    return checker.finish();
}

void expectFault(const FileVerdict& verdict, const std::string& code, std::int64_t line) {
    ASSERT_TRUE(verdict.fault) << code;
    EXPECT_EQ(verdict.fault->code, code);
    EXPECT_EQ(verdict.fault->line, line) << verdict.fault->reason;
    EXPECT_TRUE(sdk::testkit::findIdentityLike(verdict.fault->reason).empty())
        << verdict.fault->reason;
}

TEST(FileCheck, AGoodFilePasses) {
    const auto verdict =
        check({header(), detail(), detail("100"), trailer("000000002", "000000000150")});
    EXPECT_FALSE(verdict.fault) << verdict.fault->reason;
    ASSERT_TRUE(verdict.header);
    EXPECT_EQ(verdict.header->batch, 7);
    EXPECT_EQ(verdict.detailLines, 2);
}

TEST(FileCheck, AFileWithoutDetailsPasses) {
    EXPECT_FALSE(check({header(), trailer("000000000", "000000000000")}).fault);
}

TEST(FileCheck, AMissingFinalLineFeedIsAccepted) {
    EXPECT_FALSE(check({header(), detail(), trailer("000000001", "000000000050")}, false).fault);
}

TEST(FileCheck, EachWholeFileFault) {
    const auto t1 = trailer("000000001", "000000000050");
    expectFault(check({}), "missing_header", 0);
    expectFault(check({detail(), t1}), "missing_header", 1);
    expectFault(check({header(), detail()}), "missing_trailer", 2);
    expectFault(check({header()}), "missing_trailer", 1);
    expectFault(check({header(), detail().substr(0, 99), t1}), "line_length", 2);
    expectFault(check({header(), detail() + " ", t1}), "line_length", 2);
    expectFault(check({header(), "", detail(), t1}), "line_length", 2);
    expectFault(check({header(), detail(), t1, detail()}), "out_of_order", 4);
    expectFault(check({header(), detail(), header(), t1}), "out_of_order", 3);
    expectFault(check({header(), detail(), t1, t1}), "out_of_order", 4);
    expectFault(check({header(), pad("X"), t1}), "out_of_order", 2);
    expectFault(check({header(), detail(), trailer("000000002", "000000000050")}), "count_mismatch",
                3);
    expectFault(check({header(), detail(), trailer("000000001", "000000000100")}), "sum_mismatch",
                3);
    expectFault(check({header(7, "2220001248"), detail(), t1}), "wrong_receiver", 1);
    expectFault(check({header(7, kReceiver, "2021005522"), detail(), t1}), "wrong_sender", 1);
    expectFault(check({header(), detail("05x"), t1}), "bad_omfattning", 2);
    expectFault(check({header(), detail(), trailer("00000000x", "000000000050")}), "bad_trailer",
                3);
    expectFault(check({pad("H2021005521201901020615"), detail(), t1}), "bad_header", 1);
}

TEST(FileCheck, TheFirstFaultWinsAndEveryDetailIsCounted) {
    const auto verdict = check({header(), detail().substr(0, 50), detail(), detail(), pad("T")});
    expectFault(verdict, "line_length", 2);
    EXPECT_EQ(verdict.detailLines, 3);
}

TEST(FileCheck, RowLevelFaultsStillCountAndSum) {
    // An unknown förmånskod is readDetail()'s business; the trailer must still cover the line.
    std::string odd = detail();
    odd.replace(13, 3, "XYZ");
    EXPECT_FALSE(check({header(), odd, trailer("000000001", "000000000050")}).fault);
}

TEST(FileCheck, LargeFiguresInReasonsAreGroupedNeverTenDigitsInARow) {
    const auto verdict = check({header(), detail(), trailer("000000001", "001000000000")});
    expectFault(verdict, "sum_mismatch", 3);
    EXPECT_NE(verdict.fault->reason.find("1 000 000 000"), std::string::npos);
}

TEST(Header, FieldsByPosition) {
    std::string reason;
    const auto parsed = readHeader(header(41), reason);
    ASSERT_TRUE(parsed) << reason;
    EXPECT_EQ(parsed->sender, "2021005521");
    EXPECT_EQ(parsed->created, "20190102061500");
    EXPECT_EQ(parsed->batch, 41);
    EXPECT_EQ(parsed->receiver, kReceiver);
    std::string month13 = header(41);
    month13.replace(15, 2, "13");  // YYYYMMDDhhmmss starts at position 12
    EXPECT_FALSE(readHeader(month13, reason));
    EXPECT_NE(reason.find("creation time"), std::string::npos);
    EXPECT_EQ(peekHeader(header(41) + "\n")->batch, 41);
    EXPECT_FALSE(peekHeader(header(41).substr(0, 99)));
    EXPECT_FALSE(peekHeader(detail()));
}

TEST(Trailer, FieldsByPosition) {
    std::string reason;
    const auto parsed = readTrailer(trailer("000000005", "000000000400"), reason);
    ASSERT_TRUE(parsed) << reason;
    EXPECT_EQ(parsed->detailCount, 5);
    EXPECT_EQ(parsed->omfattningSum, 400);
    std::string junk = trailer("000000005", "000000000400");
    junk[30] = 'x';
    EXPECT_FALSE(readTrailer(junk, reason));
    EXPECT_EQ(reason, "positions 23-100 are not blank");
}

}  // namespace
}  // namespace finsam::connectors::fk_fixed
