// tests/core/config/config_loader_test.cpp — hub.json into HubConfig: paths, defaults, configurable consent rules.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <fstream>

#include "core/config/config_loader.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

std::string writeHub(const TempDir& dir, const std::string& extra) {
    std::ofstream(dir.file("hub.json"))
        << R"({"forbund":{"id":"forbund-x","name":"X"},"store":{"backend":"sqlite","path":"db/hub.db"},)"
        << R"("identity":{"key_file":"k.key","key_id":"k1"},"connectors":[])" << extra << "}";
    return dir.file("hub.json");
}

TEST(ConfigLoaderTest, ResolvesPathsAndFillsDefaults) {
    TempDir dir;
    auto config = config::loadHubConfig(writeHub(dir, ""));
    EXPECT_EQ(config.store.path, dir.file("db/hub.db"));
    EXPECT_EQ(config.keyFile, dir.file("k.key"));
    EXPECT_EQ(config.listen, "127.0.0.1:8080");
    EXPECT_EQ(config.followUpYearsBefore, 10);
    EXPECT_EQ(config.followUpMonthsAfter, 12);
}

TEST(ConfigLoaderTest, ReadsTheFollowUpWindow) {
    TempDir dir;
    auto config = config::loadHubConfig(
        writeHub(dir, R"(,"consent":{"follow_up_years_before":5,"follow_up_months_after":24})"));
    EXPECT_EQ(config.followUpYearsBefore, 5);
    EXPECT_EQ(config.followUpMonthsAfter, 24);
}

TEST(ConfigLoaderTest, ReportsEveryProblemWithFileAndPointer) {
    TempDir dir;
    const std::string file = writeHub(dir, R"(,"consent":{"follow_up_months_after":-1},"colour":"blue")");
    try {
        config::loadHubConfig(file);
        FAIL() << "an invalid config must be refused";
    } catch (const config::ConfigError& e) {
        std::vector<std::string> expected = {file + ": /consent/follow_up_months_after: violates minimum 0",
                                             file + ": /colour: unknown property colour"};
        EXPECT_EQ(e.problems(), expected);
    }
}

TEST(ConfigLoaderTest, RefusesAPasswordInTheConnectionWithoutQuotingIt) {
    for (const char* connection : {"host=db user=hub password=hunter2 dbname=hub", "host=db PASSWORD = 'hunter2'",
                                   "postgresql://hub:hunter2@db/hub", "postgresql://db/hub?password=hunter2"}) {
        TempDir dir;
        std::ofstream(dir.file("hub.json"))
            << R"({"forbund":{"id":"forbund-x","name":"X"},"store":{"backend":"postgresql","connection":")"
            << connection << R"("},"identity":{"key_file":"k.key","key_id":"k1"},"connectors":[]})";
        try {
            config::loadHubConfig(dir.file("hub.json"));
            ADD_FAILURE() << connection << " must be refused";
        } catch (const config::ConfigError& e) {
            const std::vector<std::string> expected = {
                dir.file("hub.json") + ": /store/connection: holds a password; name password_file or password_env instead"};
            EXPECT_EQ(e.problems(), expected);
        }
    }
    TempDir dir;
    std::ofstream(dir.file("hub.json"))
        << R"({"forbund":{"id":"forbund-x","name":"X"},"store":{"backend":"postgresql","connection":)"
        << R"("postgresql://hub@db:5432/hub?sslmode=verify-full","password_file":"pw"},)"
        << R"("identity":{"key_file":"k.key","key_id":"k1"},"connectors":[]})";
    EXPECT_EQ(config::loadHubConfig(dir.file("hub.json")).store.passwordFile, dir.file("pw")) << "a user is no password";
}

}  // namespace
}  // namespace finsam::testing
