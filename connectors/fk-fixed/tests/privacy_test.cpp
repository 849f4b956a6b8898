// connectors/fk-fixed/tests/privacy_test.cpp — no identity-shaped text in any message, warning,
// result or log line, for every fixture (README "Privacy").
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "collecting_logger.h"
#include "drop_fixture.h"
#include "identity_scan.h"
#include "temp_dir.h"

namespace finsam::connectors::fk_fixed::testing {
namespace {

TEST(Privacy, NoIdentityInMessagesWarningsOrLogsForAnyFixture) {
    int fixtures = 0;
    for (const auto& entry : std::filesystem::directory_iterator(fixtureDir(""))) {
        if (!entry.is_directory()) {
            continue;
        }
        ++fixtures;
        const auto name = entry.path().filename().string();
        sdk::testkit::TempDir drop;
        const bool stepped = std::filesystem::exists(entry.path() / "first");
        stageFixture(name, drop.path(), stepped ? "first" : "");
        sdk::testkit::CollectingLogger logger;
        auto outcome = runOnce(drop.path(), "", &logger);
        if (stepped) {
            stageFixture(name, drop.path(), "then");
            auto then = runOnce(drop.path(), outcome.checkpoint, &logger);
            outcome.collected.append(std::move(then.collected));
        }
        EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(outcome.collected)) << name;
        EXPECT_TRUE(sdk::testkit::findIdentityLike(outcome.result.message).empty()) << name;
        for (const auto& [level, line] : logger.lines()) {
            EXPECT_TRUE(sdk::testkit::findIdentityLike(line).empty())
                << name << ": " << sdk::testkit::maskIdentityLike(line);
        }
    }
    EXPECT_EQ(fixtures, 18);
}

TEST(Privacy, AnUnreachableDropFolderNamedByNumberIsNotQuoted) {
    sdk::testkit::TempDir parent;
    const auto outcome = runOnce(parent.path() / "fk-2220001230");
    EXPECT_EQ(outcome.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_TRUE(sdk::testkit::findIdentityLike(outcome.result.message).empty())
        << outcome.result.message;
}

}  // namespace
}  // namespace finsam::connectors::fk_fixed::testing
