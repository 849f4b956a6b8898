// plugins/mapped-csv/tests/golden_test.cpp — every fixture through the connector, compared with
// expected.json.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "fixture_run.h"
#include "golden_file.h"
#include "identity_scan.h"
#include "temp_dir.h"

namespace finsam::connectors::mapped_csv::testing {
namespace {

using sdk::testkit::TempDir;

class GoldenCase : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenCase, MatchesExpectedJson) {
    TempDir dir;
    const auto fixture = stageFixture(GetParam(), dir.path());
    auto outcome = runOnce(fixture);
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    EXPECT_TRUE(sdk::testkit::matchesGolden(outcome.collected,
                                            (fixtureDir(GetParam()) / "expected.json").string()));
    EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(outcome.collected));
}

// Every folder under fixtures/ is a case, so a new fixture cannot be forgotten here.
INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenCase, ::testing::ValuesIn(fixtureNames()),
                         [](const auto& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(GoldenFiles, EveryFixtureHasSettingsADropFolderAndAnExpectedFile) {
    const auto names = fixtureNames();
    EXPECT_GE(names.size(), 15u);
    for (const auto& name : names) {
        EXPECT_TRUE(std::filesystem::is_regular_file(fixtureDir(name) / "settings.json")) << name;
        EXPECT_TRUE(std::filesystem::is_directory(fixtureDir(name) / "drop")) << name;
        EXPECT_TRUE(std::filesystem::is_regular_file(fixtureDir(name) / "expected.json")) << name;
    }
}

// The host keeps a problem's raw for whoever corrects the row and redacts only what is shaped like a number, so
// a name must already be gone, and so must an identity column's value however it is spelled; in every fixture,
// whatever the problem and however the row is shaped. (A number typed into another column is the host's to
// redact: unmapped-value and bad-number have such rows.)
TEST(GoldenFiles, NoProblemCarriesANameOrAnIdentityColumnsValueInItsRaw) {
    for (const auto& name : fixtureNames()) {
        TempDir dir;
        const auto outcome = runOnce(stageFixture(name, dir.path()));
        for (const auto& problem : outcome.collected.problems) {
            for (const char* personal : {"Anna", "Lindqvist", "Greta", "Svahn", "Karin", "Maria", "Berg", "Nils"}) {
                EXPECT_EQ(problem.raw.find(personal), std::string::npos) << name << ": " << problem.raw;
            }
            if (name == "names-in-problems" || name == "wrong-shape" || name == "duplicate-key") {
                EXPECT_TRUE(sdk::testkit::findIdentityLike(problem.raw).empty()) << name << ": " << problem.raw;
            }
        }
        if (name == "names-in-problems") {
            EXPECT_EQ(outcome.collected.problems.size(), 4u) << "bad date, too many, too few, repeated key";
        }
    }
}

// A golden file can hide a leak if nobody reads it: check the committed messages themselves.
TEST(GoldenFiles, NoPersonnummerInAnyExpectedMessage) {
    for (const auto& name : fixtureNames()) {
        std::ifstream in(fixtureDir(name) / "expected.json");
        std::string line;
        bool inWarnings = false;  // toGoldenJson writes warnings last
        while (std::getline(in, line)) {
            inWarnings = inWarnings || line.find("\"warnings\"") != std::string::npos;
            if (inWarnings || line.find("\"message\"") != std::string::npos) {
                EXPECT_TRUE(sdk::testkit::findIdentityLike(line).empty()) << name;
            }
        }
    }
}

}  // namespace
}  // namespace finsam::connectors::mapped_csv::testing
