// plugins/mapped-csv/tests/checkpoint_test.cpp — which files are read again, and what the
// checkpoint holds.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>

#include "collecting_logger.h"
#include "file_checkpoint.h"
#include "fixture_run.h"
#include "identity_scan.h"
#include "temp_dir.h"

namespace finsam::connectors::mapped_csv::testing {
namespace {

namespace fs = std::filesystem;
using sdk::testkit::TempDir;

void append(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary | std::ios::app) << text;
}

TEST(Checkpoint, IsSmallVersionedJsonNamingEachAppliedFileAndItsSha256) {
    TempDir dir;
    const auto fixture = stageFixture("glob-and-tmp", dir.path());
    auto outcome = runOnce(fixture);
    rapidjson::Document document;
    ASSERT_FALSE(document.Parse(outcome.checkpoint.c_str()).HasParseError()) << outcome.checkpoint;
    EXPECT_EQ(document["v"].GetInt(), 1);
    ASSERT_TRUE(document["applied"].IsObject());
    EXPECT_EQ(document["applied"].MemberCount(), 2u);
    for (const auto& file : document["applied"].GetObject()) {
        EXPECT_EQ(std::string(file.value.GetString()).size(), 64u) << file.name.GetString();
    }
    EXPECT_FALSE(document.HasMember("reading"));
}

TEST(Checkpoint, MidFileItNamesFileSha256OffsetAndLine) {
    TempDir dir;
    const auto fixture = stageFixture("append-delete", dir.path());
    auto batch = readOneBatch(fixture, "", 4);
    auto checkpoint = FileCheckpoint::parse(batch.outcome.checkpoint);
    ASSERT_TRUE(checkpoint.has_value());
    ASSERT_TRUE(checkpoint->reading.has_value());
    EXPECT_EQ(checkpoint->reading->file, "deltaganden.csv");
    EXPECT_EQ(checkpoint->reading->sha256.size(), 64u);
    EXPECT_EQ(checkpoint->reading->offset, 4);
    EXPECT_EQ(checkpoint->reading->line, 6);  // header on line 1, four rows read
    EXPECT_TRUE(checkpoint->applied.empty());
}

TEST(Checkpoint, ParsesWhatItWritesAndRefusesForeignText) {
    FileCheckpoint checkpoint;
    checkpoint.applied = {{"a.csv", std::string(64, 'a')}, {"b.csv", std::string(64, 'b')}};
    checkpoint.reading = FilePosition{"c.csv", std::string(64, 'c'), 7, 12};
    auto parsed = FileCheckpoint::parse(checkpoint.toString());
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->toString(), checkpoint.toString());
    EXPECT_TRUE(FileCheckpoint::parse("").has_value());
    for (const char* foreign : {"x", "{}", R"({"v":2,"applied":{}})", R"({"v":1,"applied":[]})",
                                R"({"v":1,"applied":{},"reading":{"file":"a"}})"}) {
        EXPECT_FALSE(FileCheckpoint::parse(foreign).has_value()) << foreign;
    }
}

TEST(AppliedFiles, TheSameNameAndContentIsSkippedEvenWhenRewritten) {
    TempDir dir;
    const auto fixture = stageFixture("forbund-deltaganden", dir.path());
    auto first = runOnce(fixture);
    const auto file = fixture.dropDir() / "deltaganden.csv";
    const auto bytes =
        readSourceFile("plugins/mapped-csv/fixtures/forbund-deltaganden/drop/deltaganden.csv");
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;  // new mtime, same content
    auto second = runOnce(fixture, first.checkpoint);
    EXPECT_TRUE(second.collected.records.empty());
    EXPECT_TRUE(second.collected.snapshots.empty());
    EXPECT_EQ(second.checkpoint, first.checkpoint);
}

TEST(AppliedFiles, TheSameNameWithNewContentIsReadAgain) {
    TempDir dir;
    const auto fixture = stageFixture("glob-and-tmp", dir.path());
    auto first = runOnce(fixture);
    append(fixture.dropDir() / "export_20200101.csv", "D-7,FB-03,2020-01-07\r\n");
    auto second = runOnce(fixture, first.checkpoint);
    ASSERT_EQ(second.collected.records.size(), 2u);  // the whole changed file, upserts again
    EXPECT_EQ(second.collected.records[1].key, "D-7");
    EXPECT_NE(second.checkpoint, first.checkpoint);
}

TEST(AppliedFiles, AHalfWrittenFileIsReadOnceRenamed) {
    TempDir dir;
    const auto fixture = stageFixture("glob-and-tmp", dir.path());
    auto first = runOnce(fixture);
    EXPECT_EQ(first.collected.records.size(), 3u);
    fs::rename(fixture.dropDir() / "export_20200103.csv.tmp",
               fixture.dropDir() / "export_20200103.csv");
    auto second = runOnce(fixture, first.checkpoint);
    ASSERT_EQ(second.collected.records.size(), 1u);
    EXPECT_EQ(second.collected.records[0].key, "D-3");
}

TEST(AppliedFiles, ARejectedFileIsNotRejectedAgainUntilItChanges) {
    TempDir dir;
    const auto fixture = stageFixture("unterminated-quote", dir.path());
    auto first = runOnce(fixture);
    ASSERT_EQ(first.collected.rejections.size(), 1u);
    EXPECT_TRUE(runOnce(fixture, first.checkpoint).collected.rejections.empty());
    append(fixture.dropDir() / "deltaganden.csv", "\"\r\n");  // closes the quote: a new file
    auto fixed = runOnce(fixture, first.checkpoint);
    EXPECT_TRUE(fixed.collected.rejections.empty());
    EXPECT_FALSE(fixed.collected.records.empty() && fixed.collected.problems.empty());
}

TEST(Resume, AFileChangedAfterAPartialReadIsReadAgainAsANewFile) {
    TempDir dir;
    const auto fixture = stageFixture("append-delete", dir.path());
    auto batch = readOneBatch(fixture, "", 4);
    append(fixture.dropDir() / "deltaganden.csv", "U,D-11,FB-01,,Ja,Man,1980,2019-02-01,,\r\n");
    auto rest = runOnce(fixture, batch.outcome.checkpoint);
    ASSERT_EQ(rest.collected.warnings.size(), 1u);
    EXPECT_NE(rest.collected.warnings[0].find("changed after it was partly read"),
              std::string::npos);
    EXPECT_EQ(rest.collected.records.size() + rest.collected.problems.size(), 12u);
}

TEST(Resume, AFileRemovedAfterAPartialReadIsWarnedAbout) {
    TempDir dir;
    const auto fixture = stageFixture("append-delete", dir.path());
    auto batch = readOneBatch(fixture, "", 4);
    fs::remove(fixture.dropDir() / "deltaganden.csv");
    auto rest = runOnce(fixture, batch.outcome.checkpoint);
    EXPECT_EQ(rest.result.status, sdk::Status::kOk);
    ASSERT_EQ(rest.collected.warnings.size(), 1u);
    EXPECT_NE(rest.collected.warnings[0].find("is gone"), std::string::npos);
    EXPECT_FALSE(FileCheckpoint::parse(rest.checkpoint)->reading.has_value());
}

TEST(Resume, AFileThatCannotBeReadNowIsRetriedNotSkipped) {
    TempDir dir;
    const auto fixture = stageFixture("append-delete", dir.path());
    auto batch = readOneBatch(fixture, "", 4);
    // A directory in its place exists but cannot be read, whatever rights the test runs with.
    const auto file = fixture.dropDir() / "deltaganden.csv";
    fs::rename(file, dir.path() / "aside.csv");
    fs::create_directory(file);
    auto refused = readOneBatch(fixture, batch.outcome.checkpoint, 4);
    EXPECT_EQ(refused.outcome.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_EQ(refused.outcome.checkpoint, batch.outcome.checkpoint);
    fs::remove(file);
    fs::rename(dir.path() / "aside.csv", file);
    auto rest = runOnce(fixture, batch.outcome.checkpoint);
    EXPECT_TRUE(rest.collected.warnings.empty());
    EXPECT_EQ(rest.collected.records.size() + rest.collected.problems.size(), 7u);
}

TEST(Resume, ACheckpointWhoseLineDoesNotMatchStartsTheFileOver) {
    TempDir dir;
    const auto fixture = stageFixture("append-delete", dir.path());
    auto batch = readOneBatch(fixture, "", 4);
    auto checkpoint = *FileCheckpoint::parse(batch.outcome.checkpoint);
    checkpoint.reading->line = 99;
    auto rest = runOnce(fixture, checkpoint.toString());
    ASSERT_EQ(rest.collected.warnings.size(), 1u);
    EXPECT_EQ(rest.collected.records.size() + rest.collected.problems.size(), 11u);
}

TEST(Open, AnUnreadableCheckpointStartsOverAndSaysSo) {
    TempDir dir;
    const auto fixture = stageFixture("glob-and-tmp", dir.path());
    sdk::testkit::CollectingLogger logger;
    auto outcome = runOnce(fixture, "not a checkpoint", 500, &logger);
    EXPECT_EQ(outcome.collected.records.size(), 3u);
    ASSERT_FALSE(logger.lines().empty());
    EXPECT_EQ(logger.lines()[0].first, sdk::Logger::Level::kWarning);
}

TEST(Source, AMissingDropFolderIsUnavailableNotFatal) {
    TempDir dir;
    auto fixture = stageFixture("glob-and-tmp", dir.path());
    fs::remove_all(fixture.dropDir());
    auto outcome = runOnce(fixture);
    EXPECT_EQ(outcome.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_NE(outcome.result.message.find("not reachable"), std::string::npos);
    EXPECT_EQ(outcome.checkpoint, "");
}

TEST(Privacy, NoIdentityInMessagesWarningsOrLogsOfAnyFixture) {
    for (const auto& name : fixtureNames()) {
        TempDir dir;
        const auto fixture = stageFixture(name, dir.path());
        sdk::testkit::CollectingLogger logger;
        auto outcome = runOnce(fixture, "", 2, &logger);
        EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(outcome.collected)) << name;
        EXPECT_TRUE(sdk::testkit::findIdentityLike(outcome.result.message).empty()) << name;
        for (const auto& [level, line] : logger.lines()) {
            EXPECT_TRUE(sdk::testkit::findIdentityLike(line).empty()) << name;
        }
    }
}

}  // namespace
}  // namespace finsam::connectors::mapped_csv::testing
