// connectors/fk-fixed/tests/connector_test.cpp — descriptor, settings schema, check(), open(), an
// unreachable source.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <fstream>

#include "drop_fixture.h"
#include "fk_fixed_connector.h"
#include "fk_fixed_settings.h"
#include "settings_schema.h"
#include "temp_dir.h"

namespace finsam::connectors::fk_fixed::testing {
namespace {

using sdk::testkit::TempDir;
using sdk::testkit::validateSettings;

TEST(Descriptor, NamesMatchTheFolderAndTheSchemaIsEmbedded) {
    FkFixedConnector connector;
    EXPECT_EQ(connector.id(), "fk-fixed");
    EXPECT_FALSE(connector.version().empty());
    const auto schema = connector.configSchema();
    EXPECT_EQ(schema, readSource("connectors/fk-fixed/schema.json"));
    rapidjson::Document document;
    ASSERT_FALSE(document.Parse(schema.c_str()).HasParseError());
    EXPECT_EQ(std::string(document["$id"].GetString()),
              "https://finsam-hub.se/schemas/connectors/fk-fixed");
    EXPECT_EQ(sdk::testkit::lintSettingsSchema(schema), std::vector<std::string>{});
}

TEST(SettingsSchema, AcceptsGoodSettingsAndTheExample) {
    const auto schema = FkFixedConnector().configSchema();
    for (const char* settings :
         {R"({"drop_dir": "drops/fk", "receiver_orgnr": "2220001230"})",
          R"({"drop_dir": "/srv/drop", "receiver_orgnr": "2220001230", "start_after_batch": 0})",
          R"({"drop_dir": "x", "receiver_orgnr": "2220001230", "start_after_batch": 4711})"}) {
        EXPECT_EQ(validateSettings(schema, settings), std::vector<std::string>{}) << settings;
    }
    const auto example = readSource("config/examples/fk-fixed.settings.json");
    ASSERT_FALSE(example.empty());
    EXPECT_EQ(validateSettings(schema, example), std::vector<std::string>{});
}

TEST(SettingsSchema, RejectsBadSettingsNamingThePointer) {
    const auto schema = FkFixedConnector().configSchema();
    const std::pair<const char*, const char*> cases[] = {
        {R"({"receiver_orgnr": "2220001230"})", "/: missing required property drop_dir"},
        {R"({"drop_dir": "x"})", "/: missing required property receiver_orgnr"},
        {R"({"drop_dir": "", "receiver_orgnr": "2220001230"})", "/drop_dir: violates 'minLength'"},
        {R"({"drop_dir": "x", "receiver_orgnr": "222000-1230"})",
         "/receiver_orgnr: violates 'pattern'"},
        {R"({"drop_dir": "x", "receiver_orgnr": 2220001230})", "/receiver_orgnr: violates 'type'"},
        {R"({"drop_dir": "x", "receiver_orgnr": "2220001230", "start_after_batch": -1})",
         "/start_after_batch: violates 'minimum'"},
        {R"({"drop_dir": "x", "receiver_orgnr": "2220001230", "start_after_batch": 1.5})",
         "/start_after_batch: violates 'type'"},
        {R"({"drop_dir": "x", "receiver_orgnr": "2220001230", "marker": "KLAR"})",
         "/marker: unknown property"},
    };
    for (const auto& [settings, expected] : cases) {
        EXPECT_EQ(validateSettings(schema, settings), std::vector<std::string>{expected})
            << settings;
    }
}

TEST(Check, ResolvesRelativeDirsAgainstTheConfigDir) {
    TempDir config;
    std::filesystem::create_directories(config.path() / "drops/fk");
    writeFile(config.path() / "file.txt", "x");
    FkFixedConnector connector;
    sdk::Context context{"i", "fk", config.path().string(), nullptr};
    EXPECT_EQ(
        connector.check(R"({"drop_dir": "drops/fk", "receiver_orgnr": "2220001230"})", context),
        std::vector<std::string>{});
    auto notDir =
        connector.check(R"({"drop_dir": "file.txt", "receiver_orgnr": "2220001230"})", context);
    ASSERT_EQ(notDir.size(), 1u);
    EXPECT_EQ(notDir[0],
              "/drop_dir: " + (config.path() / "file.txt").string() + " is not a directory");
}

TEST(Check, NamesAMissingDropDir) {
    FkFixedConnector connector;
    sdk::Context context{"i", "fk", "/nonexistent-config-dir", nullptr};
    EXPECT_EQ(
        connector.check(R"({"drop_dir": "drops/fk", "receiver_orgnr": "2220001230"})", context),
        std::vector<std::string>{"/drop_dir: /nonexistent-config-dir/drops/fk does not exist"});
}

TEST(Check, ATypoInTheReceiverIsCaughtWithoutRepeatingTheNumber) {
    TempDir config;
    FkFixedConnector connector;
    sdk::Context context{"i", "fk", config.path().string(), nullptr};
    auto problems = connector.check(
        "{\"drop_dir\": \"" + config.path().string() + "\", \"receiver_orgnr\": \"2220001231\"}",
        context);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].rfind("/receiver_orgnr: the check digit does not match", 0), 0u);
    EXPECT_EQ(problems[0].find("2220001231"), std::string::npos);
    EXPECT_EQ(connector.check("not json", context),
              std::vector<std::string>{"/: settings are not a JSON object"});
    EXPECT_EQ(connector.check(R"({"drop_dir": "x", "receiver_orgnr": "12345"})", context),
              std::vector<std::string>{"/receiver_orgnr: required, ten digits without a hyphen"});
}

TEST(Check, OrganisationsnummerCheckDigit) {
    EXPECT_TRUE(hasValidCheckDigit("2220001230"));  // the fixtures' förbund
    EXPECT_TRUE(hasValidCheckDigit("2021005521"));  // Försäkringskassan
    EXPECT_FALSE(hasValidCheckDigit("2021005522"));
    EXPECT_FALSE(hasValidCheckDigit("202100552"));
    EXPECT_FALSE(hasValidCheckDigit("20210055x1"));
}

TEST(Open, RefusesInvalidSettings) {
    FkFixedConnector connector;
    sdk::Result error;
    EXPECT_EQ(connector.open(R"({"receiver_orgnr": "2220001230"})", "", sdk::Context{}, error),
              nullptr);
    EXPECT_EQ(error.status, sdk::Status::kInvalidConfig);
    EXPECT_EQ(error.message, "/drop_dir: required, a non-empty string");
}

TEST(Source, AMissingDropFolderIsUnavailableNotFatal) {
    TempDir parent;
    auto outcome = runOnce(parent.path() / "gone");
    EXPECT_EQ(outcome.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_NE(outcome.result.message.find("is not reachable"), std::string::npos);
}

TEST(Source, AnEmptyDropFolderIsDrainedAtOnce) {
    TempDir drop;
    auto outcome = runOnce(drop.path());
    EXPECT_EQ(outcome.result.status, sdk::Status::kOk);
    EXPECT_EQ(outcome.batches, 1u);
    EXPECT_TRUE(outcome.collected.records.empty());
    EXPECT_TRUE(outcome.collected.warnings.empty());
}

TEST(Source, AnUnreadableBatchFileHoldsBackLaterBatches) {
    if (::geteuid() == 0) {
        GTEST_SKIP() << "root reads any file";
    }
    TempDir drop;
    stageFixture("duplicate-batch", drop.path());
    const auto first = drop.path() / "fk_ers_2220001230_00000001.txt";
    std::filesystem::permissions(first, std::filesystem::perms::none);
    auto blocked = runOnce(drop.path());
    std::filesystem::permissions(first, std::filesystem::perms::owner_read);
    EXPECT_EQ(blocked.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_TRUE(blocked.collected.records.empty());
    EXPECT_EQ(runOnce(drop.path(), blocked.checkpoint).collected.records.size(), 2u);
}

}  // namespace
}  // namespace finsam::connectors::fk_fixed::testing
