// connectors/kommun-api/tests/settings_test.cpp — schema.json as the host checks it, the example config, and
// what check() and open() refuse (never showing a secret).
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kommun_api_connector.h"
#include "kommun_api_settings.h"
#include "settings_schema.h"
#include "temp_dir.h"

namespace finsam::connectors::kommun_api {
namespace {

using sdk::testkit::TempDir;

std::string readText(const std::string& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

const std::string kMinimal =
    R"({"base_url":"https://kommun.test","client_id":{"env":"KOMMUN_TEST_ID"},)"
    R"("client_secret":{"file":"secret.txt"},"join_key":{"file":"join.key"}})";

class KommunSettings : public ::testing::Test {
protected:
    void SetUp() override {
        ::setenv("KOMMUN_TEST_ID", "finsam-hub", 1);
        sdk::testkit::writeSecretFile(dir.path() / "secret.txt", "s3cret-value\n");
        sdk::testkit::writeSecretFile(dir.path() / "join.key", std::string(64, 'a') + "\n");
    }
    std::vector<std::string> check(const std::string& settings) {
        return connector.check(settings, sdk::Context{"kommun", "kommun-0180", dir.path().string(), nullptr});
    }
    TempDir dir;
    KommunApiConnector connector;
};

TEST_F(KommunSettings, TheSchemaIsSoundAndDocumentsEveryOption) {
    const std::string schema = connector.configSchema();
    EXPECT_EQ(sdk::testkit::lintSettingsSchema(schema), std::vector<std::string>{});
    for (const char* option : {"base_url", "client_id", "client_secret", "join_key", "scope", "tls", "ca_file",
                               "verify", "limit", "timeouts", "retries", "max_attempts", "max_429_waits"}) {
        EXPECT_NE(schema.find(std::string("\"") + option + "\""), std::string::npos) << option;
    }
}

TEST_F(KommunSettings, TheExampleConfigAndAMinimalOneValidate) {
    const std::string example = readText(std::string(FINSAM_SOURCE_DIR) + "/config/examples/kommun-api.settings.json");
    ASSERT_FALSE(example.empty());
    EXPECT_EQ(sdk::testkit::validateSettings(connector.configSchema(), example), std::vector<std::string>{});
    EXPECT_EQ(sdk::testkit::validateSettings(connector.configSchema(), kMinimal), std::vector<std::string>{});
    EXPECT_EQ(check(kMinimal), std::vector<std::string>{});
}

TEST_F(KommunSettings, DefaultsAreTheSpecsAndTheClientsOwn) {
    std::vector<std::string> problems;
    auto settings = parseSettings(kMinimal, dir.path().string(), problems);
    ASSERT_TRUE(settings);
    EXPECT_EQ(settings->scope, "finsam.read");
    EXPECT_EQ(settings->limit, 500);
    EXPECT_TRUE(settings->client.tls.verify);
    EXPECT_EQ(settings->client.retry.maxAttempts, 5);
    EXPECT_EQ(settings->client.timeout, std::chrono::seconds(60));
}

struct Refused {
    std::string settings;
    std::string pointer;
};

TEST_F(KommunSettings, TheSchemaRefusesWhatTheSpecForbids) {
    const std::string schema = connector.configSchema();
    auto with = [](const std::string& members) {
        return R"({"base_url":"https://x","client_id":{"env":"A"},"client_secret":{"env":"B"},"join_key":{"env":"C"})" +
               members + "}";
    };
    const Refused cases[] = {
        {R"({"client_id":{"env":"A"},"client_secret":{"env":"B"},"join_key":{"env":"C"}})", "/"},
        {R"({"base_url":"ftp://x","client_id":{"env":"A"},"client_secret":{"env":"B"},"join_key":{"env":"C"}})",
         "/base_url"},
        {R"({"base_url":"https://x","client_id":{"env":"A"},"client_secret":"plain text","join_key":{"env":"C"}})",
         "/client_secret"},
        {R"({"base_url":"https://x","client_id":{"env":"A","file":"f"},"client_secret":{"env":"B"},)"
         R"("join_key":{"env":"C"}})",
         "/client_id"},
        {with(R"(,"limit":1001)"), "/limit"},
        {with(R"(,"limit":0)"), "/limit"},
        {with(R"(,"tls":{"verify":"no"})"), "/tls/verify"},
        {with(R"(,"page":1)"), "/page"},
    };
    for (const auto& refused : cases) {
        auto problems = sdk::testkit::validateSettings(schema, refused.settings);
        ASSERT_FALSE(problems.empty()) << refused.settings;
        EXPECT_EQ(problems.front().substr(0, refused.pointer.size() + 1), refused.pointer + ":")
            << problems.front();
    }
}

TEST_F(KommunSettings, CheckNamesSourcesThatCannotBeReadWithoutShowingAnySecret) {
    ::unsetenv("KOMMUN_TEST_ID");
    std::ofstream(dir.path() / "join.key") << "short";
    auto problems = check(kMinimal);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].substr(0, 11), "/client_id:");
    EXPECT_NE(problems[0].find("KOMMUN_TEST_ID"), std::string::npos);
    EXPECT_EQ(problems[1], "/join_key: must be at least 32 bytes");
    std::filesystem::remove(dir.path() / "secret.txt");
    problems = check(kMinimal);
    EXPECT_EQ(problems[1].substr(0, 15), "/client_secret:");
    for (const auto& problem : check(kMinimal)) {
        EXPECT_EQ(problem.find("s3cret"), std::string::npos);
    }
    auto withCa = kMinimal;
    withCa.insert(withCa.size() - 1, R"(,"tls":{"ca_file":"no-such-ca.pem"})");
    problems = check(withCa);
    EXPECT_EQ(problems.back().substr(0, 13), "/tls/ca_file:");
}

TEST_F(KommunSettings, OpenRefusesUnreadableSecretsAsConfigurationErrors) {
    ::unsetenv("KOMMUN_TEST_ID");
    sdk::Result error;
    auto run = connector.open(kMinimal, "", sdk::Context{"kommun", "kommun-0180", dir.path().string(), nullptr}, error);
    EXPECT_FALSE(run);
    EXPECT_EQ(error.status, sdk::Status::kInvalidConfig);
    EXPECT_NE(error.message.find("KOMMUN_TEST_ID"), std::string::npos) << error.message;
}

}  // namespace
}  // namespace finsam::connectors::kommun_api
