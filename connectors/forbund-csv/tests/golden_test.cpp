// connectors/forbund-csv/tests/golden_test.cpp — every fixture through the connector, compared with
// expected.json.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "drop_fixture.h"
#include "golden_file.h"
#include "identity_scan.h"
#include "temp_dir.h"

namespace finsam::connectors::forbund_csv::testing {
namespace {

using sdk::testkit::matchesGolden;
using sdk::testkit::messagesFreeOfIdentities;
using sdk::testkit::TempDir;

class GoldenCase : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenCase, MatchesExpectedJson) {
    TempDir drop;
    stageFixture(GetParam(), drop.path());
    auto outcome = runOnce(drop.path());
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    EXPECT_EQ(outcome.batches, 1u);
    EXPECT_TRUE(
        matchesGolden(outcome.collected, (fixtureDir(GetParam()) / "expected.json").string()));
    EXPECT_TRUE(messagesFreeOfIdentities(outcome.collected));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenCase,
                         ::testing::Values("good-set", "no-bom", "embedded-crlf", "amounts",
                                           "wrong-shape", "bad-date", "inconsistent-insats",
                                           "missing-sheet", "bad-utf8", "no-klar", "tmp-ignored",
                                           "anonymous", "bad-header", "reordered-columns",
                                           "duplicate-keys", "unterminated-quote"),
                         [](const auto& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

// forbund-csv.md "Change model": the second snapshot lacks D-02 and SAM-02; the connector emits the
// new snapshot and snapshotComplete(), the host retracts what is missing.
TEST(GoldenSequence, SecondSnapshotAfterNoBom) {
    TempDir drop;
    stageFixture("no-bom", drop.path());
    auto first = runOnce(drop.path());
    ASSERT_EQ(first.collected.recordsOf("deltagande").size(), 3u);
    stageFixture("second-snapshot", drop.path());
    auto second = runOnce(drop.path(), first.checkpoint);
    ASSERT_EQ(second.result.status, sdk::Status::kOk) << second.result.message;
    EXPECT_TRUE(matchesGolden(second.collected,
                              (fixtureDir("second-snapshot") / "expected.json").string()));
    const auto deltaganden = second.collected.recordsOf("deltagande");
    ASSERT_EQ(deltaganden.size(), 2u);
    EXPECT_EQ(deltaganden[0].key, "D-01");
    EXPECT_EQ(deltaganden[1].key, "D-03");
    EXPECT_EQ(second.collected.snapshots,
              (std::vector<std::string>{"insats", "insats_budget", "deltagande", "samtycke"}));
}

// A golden file can hide a leak if nobody reads it: check the expected files themselves for
// messages.
TEST(GoldenFiles, NoPersonnummerInAnyExpectedMessage) {
    for (const auto& entry : std::filesystem::directory_iterator(fixtureDir(""))) {
        const auto expected = entry.path() / "expected.json";
        if (!std::filesystem::exists(expected)) {
            continue;
        }
        std::ifstream in(expected);
        std::string line;
        while (std::getline(in, line)) {
            if (line.find("\"message\"") != std::string::npos ||
                line.find("\"warnings\"") != std::string::npos) {
                EXPECT_TRUE(sdk::testkit::findIdentityLike(line).empty()) << expected;
            }
        }
    }
}

}  // namespace
}  // namespace finsam::connectors::forbund_csv::testing
