// connectors/forbund-csv/tests/connector_test.cpp — descriptor, settings schema, check(),
// checkpoint semantics.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <sstream>

#include "collecting_logger.h"
#include "drop_fixture.h"
#include "forbund_csv_connector.h"
#include "identity_scan.h"
#include "settings_schema.h"
#include "temp_dir.h"

namespace finsam::connectors::forbund_csv::testing {
namespace {

using sdk::testkit::TempDir;
using sdk::testkit::validateSettings;

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(Descriptor, NamesMatchTheFolderAndTheSchemaIsEmbedded) {
    ForbundCsvConnector connector;
    EXPECT_EQ(connector.id(), "forbund-csv");
    EXPECT_FALSE(connector.version().empty());
    const auto schema = connector.configSchema();
    EXPECT_EQ(schema, readText(std::filesystem::path(FINSAM_SOURCE_DIR) /
                               "connectors/forbund-csv/schema.json"));
    rapidjson::Document document;
    ASSERT_FALSE(document.Parse(schema.c_str()).HasParseError());
    const std::string id = document["$id"].GetString();
    EXPECT_EQ(id.substr(id.size() - std::string("forbund-csv").size()), "forbund-csv");
    EXPECT_EQ(sdk::testkit::lintSettingsSchema(schema), std::vector<std::string>{});
}

TEST(SettingsSchema, AcceptsGoodSettings) {
    const auto schema = ForbundCsvConnector().configSchema();
    for (const char* settings :
         {R"({"drop_dir": "drops/forbund"})", R"({"drop_dir": "/srv/drop", "marker": "KLAR"})",
          R"({"drop_dir": "x", "marker": "READY.txt"})"}) {
        EXPECT_EQ(validateSettings(schema, settings), std::vector<std::string>{}) << settings;
    }
    const auto example = readText(std::filesystem::path(FINSAM_SOURCE_DIR) /
                                  "config/examples/forbund-csv.settings.json");
    EXPECT_EQ(validateSettings(schema, example), std::vector<std::string>{});
}

TEST(SettingsSchema, RejectsBadSettingsNamingThePointer) {
    const auto schema = ForbundCsvConnector().configSchema();
    const std::pair<const char*, const char*> cases[] = {
        {R"({})", "/: missing required property drop_dir"},
        {R"({"drop_dir": 5})", "/drop_dir: violates 'type'"},
        {R"({"drop_dir": ""})", "/drop_dir: violates 'minLength'"},
        {R"({"drop_dir": "x", "extra": true})", "/extra: unknown property"},
        {R"({"drop_dir": "x", "marker": "a/b"})", "/marker: violates 'pattern'"},
        {R"({"drop_dir": "x", "marker": "a\\b"})", "/marker: violates 'pattern'"},
    };
    for (const auto& [settings, expected] : cases) {
        EXPECT_EQ(validateSettings(schema, settings), std::vector<std::string>{expected})
            << settings;
    }
}

TEST(Check, RefusesADropDirThatDoesNotExist) {
    ForbundCsvConnector connector;
    sdk::Context context{"i", "forbund-test", "/nonexistent-config-dir", nullptr};
    auto problems = connector.check(R"({"drop_dir": "drops/forbund"})", context);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0], "/drop_dir: /nonexistent-config-dir/drops/forbund does not exist");
}

TEST(Check, ResolvesRelativeDirsAgainstTheConfigDir) {
    TempDir config;
    std::filesystem::create_directories(config.path() / "drops/forbund");
    std::ofstream(config.path() / "file.txt") << "x";
    ForbundCsvConnector connector;
    sdk::Context context{"i", "forbund-test", config.path().string(), nullptr};
    EXPECT_TRUE(connector.check(R"({"drop_dir": "drops/forbund"})", context).empty());
    auto notDir = connector.check(R"({"drop_dir": "file.txt"})", context);
    ASSERT_EQ(notDir.size(), 1u);
    EXPECT_EQ(notDir[0].rfind("/drop_dir: ", 0), 0u);
    EXPECT_NE(notDir[0].find("is not a directory"), std::string::npos);
    for (const char* marker : {"insatser.csv", "KLAR.tmp", ".."}) {
        auto problems = connector.check(
            std::string(R"({"drop_dir": "drops/forbund", "marker": ")") + marker + "\"}", context);
        ASSERT_EQ(problems.size(), 1u) << marker;
        EXPECT_EQ(problems[0].rfind("/marker: ", 0), 0u);
    }
    EXPECT_EQ(connector.check("not json", context),
              std::vector<std::string>{"/: settings are not a JSON object"});
}

TEST(Open, RefusesInvalidSettings) {
    ForbundCsvConnector connector;
    sdk::Result error;
    EXPECT_EQ(connector.open("{}", "", sdk::Context{}, error), nullptr);
    EXPECT_EQ(error.status, sdk::Status::kInvalidConfig);
    EXPECT_EQ(error.message, "/drop_dir: required, a non-empty string");
}

TEST(Checkpoint, SameSetTwiceIsReadOnce) {
    TempDir drop;
    stageFixture("no-bom", drop.path());
    auto first = runOnce(drop.path());
    EXPECT_EQ(first.collected.records.size(), 10u);
    auto second = runOnce(drop.path(), first.checkpoint);
    EXPECT_EQ(second.result.status, sdk::Status::kOk);
    EXPECT_TRUE(second.collected.records.empty());
    EXPECT_TRUE(second.collected.snapshots.empty());
    EXPECT_EQ(second.checkpoint, first.checkpoint);
}

TEST(Checkpoint, IsSmallVersionedJson) {
    TempDir drop;
    stageFixture("no-bom", drop.path());
    auto outcome = runOnce(drop.path());
    rapidjson::Document document;
    ASSERT_FALSE(document.Parse(outcome.checkpoint.c_str()).HasParseError()) << outcome.checkpoint;
    EXPECT_EQ(document["v"].GetInt(), 1);
    EXPECT_TRUE(document["klar_mtime_ns"].IsInt64());
    EXPECT_EQ(std::string(document["sha256"].GetString()).size(), 64u);
}

TEST(Checkpoint, NewKlarWithNewContentIsReadAgain) {
    TempDir drop;
    stageFixture("no-bom", drop.path());
    auto first = runOnce(drop.path());
    stageFixture("second-snapshot", drop.path());
    auto second = runOnce(drop.path(), first.checkpoint);
    EXPECT_EQ(second.collected.recordsOf("deltagande").size(), 2u);
    EXPECT_NE(second.checkpoint, first.checkpoint);
    EXPECT_TRUE(runOnce(drop.path(), second.checkpoint).collected.records.empty());
}

TEST(Checkpoint, RewrittenKlarIsReadAgainEvenWithTheSameContent) {
    TempDir drop;
    stageFixture("no-bom", drop.path());
    auto first = runOnce(drop.path());
    sdk::testkit::touchAfterSiblings(drop.path() / "KLAR", std::chrono::seconds(5));
    auto second = runOnce(drop.path(), first.checkpoint);
    EXPECT_EQ(second.collected.records.size(), first.collected.records.size());
}

TEST(Checkpoint, ASheetNewerThanKlarMeansTheSetIsStillBeingWritten) {
    TempDir drop;
    stageFixture("no-bom", drop.path());
    auto first = runOnce(drop.path());
    stageFixture("second-snapshot", drop.path());
    const auto klarTime = std::filesystem::last_write_time(drop.path() / "KLAR");
    std::filesystem::last_write_time(drop.path() / "deltaganden.csv",
                                     klarTime + std::chrono::seconds(1));
    auto waiting = runOnce(drop.path(), first.checkpoint);
    EXPECT_TRUE(waiting.collected.records.empty());
    EXPECT_EQ(waiting.checkpoint, first.checkpoint);
    ASSERT_EQ(waiting.collected.warnings.size(), 1u);
    EXPECT_NE(waiting.collected.warnings[0].find("deltaganden.csv is newer than KLAR"),
              std::string::npos);
    sdk::testkit::touchAfterSiblings(drop.path() / "KLAR");
    EXPECT_EQ(runOnce(drop.path(), first.checkpoint).collected.recordsOf("deltagande").size(), 2u);
}

TEST(Checkpoint, NoKlarReadsNothingUntilItAppears) {
    TempDir drop;
    stageFixture("no-klar", drop.path());
    auto waiting = runOnce(drop.path());
    EXPECT_EQ(waiting.result.status, sdk::Status::kOk);
    EXPECT_TRUE(waiting.collected.records.empty());
    EXPECT_EQ(waiting.checkpoint, "");
    std::ofstream(drop.path() / "KLAR").close();
    sdk::testkit::touchAfterSiblings(drop.path() / "KLAR");
    EXPECT_EQ(runOnce(drop.path(), waiting.checkpoint).collected.records.size(), 10u);
}

TEST(Checkpoint, ARejectedSetIsNotRetriedUntilKlarChanges) {
    TempDir drop;
    stageFixture("missing-sheet", drop.path());
    auto first = runOnce(drop.path());
    EXPECT_EQ(first.collected.rejections.size(), 3u);
    EXPECT_FALSE(first.checkpoint.empty());
    EXPECT_TRUE(runOnce(drop.path(), first.checkpoint).collected.rejections.empty());
}

TEST(Checkpoint, AnUnreadableCheckpointStartsOverAndSaysSo) {
    TempDir drop;
    stageFixture("no-bom", drop.path());
    sdk::testkit::CollectingLogger logger;
    auto outcome = runOnce(drop.path(), "not a checkpoint", &logger);
    EXPECT_EQ(outcome.collected.records.size(), 10u);
    ASSERT_FALSE(logger.lines().empty());
    EXPECT_EQ(logger.lines()[0].first, sdk::Logger::Level::kWarning);
}

TEST(Batches, AWholeSetIsOneBatchWhateverMaxRecords) {
    TempDir drop;
    stageFixture("good-set", drop.path());
    ForbundCsvConnector connector;
    sdk::Context context{"i", "forbund-test", drop.path().string(), nullptr};
    auto outcome =
        sdk::testkit::runToDrain(connector, settingsFor(drop.path()), "", context, {1, 10});
    EXPECT_EQ(outcome.batches, 1u);
    EXPECT_GT(outcome.collected.records.size(), 30u);
}

TEST(Source, AMissingDropFolderIsUnavailableNotFatal) {
    TempDir parent;
    auto outcome = runOnce(parent.path() / "gone");
    EXPECT_EQ(outcome.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_NE(outcome.result.message.find("not reachable"), std::string::npos);
}

TEST(Privacy, NoPersonnummerInMessagesOrLogsForAnyFixture) {
    for (const char* name :
         {"good-set", "anonymous", "bad-date", "wrong-shape", "duplicate-keys", "bad-utf8"}) {
        TempDir drop;
        stageFixture(name, drop.path());
        sdk::testkit::CollectingLogger logger;
        auto outcome = runOnce(drop.path(), "", &logger);
        EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(outcome.collected)) << name;
        EXPECT_TRUE(sdk::testkit::findIdentityLike(outcome.result.message).empty()) << name;
        for (const auto& [level, line] : logger.lines()) {
            EXPECT_TRUE(sdk::testkit::findIdentityLike(line).empty()) << name;
        }
    }
}

}  // namespace
}  // namespace finsam::connectors::forbund_csv::testing
