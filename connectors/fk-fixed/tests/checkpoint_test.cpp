// connectors/fk-fixed/tests/checkpoint_test.cpp — resuming from any checkpoint equals one full
// read; reading again changes nothing; what a checkpoint holds; files that change under a partial
// apply.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "collecting_logger.h"
#include "collecting_sink.h"
#include "content_hash.h"
#include "drop_fixture.h"
#include "file_read.h"
#include "fk_fixed_connector.h"
#include "golden_file.h"
#include "temp_dir.h"

namespace finsam::connectors::fk_fixed::testing {
namespace {

namespace fs = std::filesystem;
using sdk::testkit::Collected;
using sdk::testkit::TempDir;
using sdk::testkit::toGoldenJson;

struct OneBatch {
    sdk::BatchOutcome outcome;
    Collected collected;
};

// What a host does after a restart: open a fresh run from the committed checkpoint, read one batch.
OneBatch readOneBatch(const fs::path& dir, const std::string& checkpoint, std::size_t maxRecords,
                      const std::string& settings = "") {
    FkFixedConnector connector;
    sdk::Result error;
    auto run =
        connector.open(settings.empty() ? settingsFor(dir) : settings, checkpoint,
                       sdk::Context{"fk-test", "fk", dir.parent_path().string(), nullptr}, error);
    EXPECT_NE(run, nullptr) << error.message;
    sdk::testkit::CollectingSink sink;
    OneBatch batch;
    batch.outcome = run->readBatch(maxRecords, sink);
    batch.collected = sink.take();
    return batch;
}

rapidjson::Document parseJson(const std::string& text) {
    rapidjson::Document document;
    document.Parse(text.c_str());
    EXPECT_FALSE(document.HasParseError()) << text;
    return document;
}

const char* const kSequenceFixtures[] = {"samples",         "row-faults",         "gap-warned",
                                         "duplicate-batch", "rejected-then-next", "empty-batch",
                                         "latin1-text",     "tmp-ignored"};

// fk-fixed.md: a crash replays from the last committed checkpoint. Restarting after every single
// batch (maxRecords 1) must give exactly what one uninterrupted run gives.
TEST(Resume, AfterEveryBatchEqualsOneFullRead) {
    for (const char* fixture : kSequenceFixtures) {
        TempDir drop;
        stageFixture(fixture, drop.path());
        const auto full = runOnce(drop.path());
        ASSERT_EQ(full.result.status, sdk::Status::kOk) << fixture;

        Collected stepwise;
        std::string checkpoint;
        int batches = 0;
        for (;; ++batches) {
            ASSERT_LT(batches, 1000) << fixture << ": never drained";
            auto batch = readOneBatch(drop.path(), checkpoint, 1);
            ASSERT_EQ(batch.outcome.result.status, sdk::Status::kOk) << fixture;
            EXPECT_LE(batch.collected.records.size() + batch.collected.problems.size(), 1u);
            stepwise.append(std::move(batch.collected));
            checkpoint = batch.outcome.checkpoint;
            if (batch.outcome.drained) {
                break;
            }
        }
        EXPECT_EQ(toGoldenJson(stepwise), toGoldenJson(full.collected)) << fixture;
        EXPECT_EQ(checkpoint, full.checkpoint) << fixture;
    }
}

// A batch the host never committed (it crashed) is read again from the previous checkpoint:
// throwing each batch away once loses and duplicates nothing.
TEST(Resume, ABatchLostBeforeItsCommitIsReadAgainExactly) {
    TempDir drop;
    stageFixture("samples", drop.path());
    const auto full = runOnce(drop.path());
    Collected committed;
    std::string checkpoint;
    for (int batches = 0; batches < 1000; ++batches) {
        readOneBatch(drop.path(), checkpoint, 2);  // lost: the host crashed before committing it
        auto batch = readOneBatch(drop.path(), checkpoint, 2);
        committed.append(std::move(batch.collected));
        checkpoint = batch.outcome.checkpoint;
        if (batch.outcome.drained) {
            break;
        }
    }
    EXPECT_EQ(toGoldenJson(committed), toGoldenJson(full.collected));
}

TEST(Resume, NoBatchHoldsMoreThanMaxRecords) {
    TempDir drop;
    stageFixture("row-faults", drop.path());
    std::string checkpoint;
    std::size_t rows = 0;
    for (int batches = 0; batches < 100; ++batches) {
        auto batch = readOneBatch(drop.path(), checkpoint, 3);
        const auto emitted = batch.collected.records.size() + batch.collected.problems.size();
        EXPECT_LE(emitted, 3u);
        rows += emitted;
        checkpoint = batch.outcome.checkpoint;
        if (batch.outcome.drained) {
            break;
        }
    }
    EXPECT_EQ(rows, 11u);
}

TEST(Reread, ReadingAgainChangesNothing) {
    for (const char* fixture : kSequenceFixtures) {
        TempDir drop;
        stageFixture(fixture, drop.path());
        const auto first = runOnce(drop.path());
        const auto again = runOnce(drop.path(), first.checkpoint);
        EXPECT_EQ(again.result.status, sdk::Status::kOk) << fixture;
        EXPECT_EQ(toGoldenJson(again.collected), toGoldenJson(Collected{})) << fixture;
        EXPECT_EQ(again.checkpoint, first.checkpoint) << fixture;
        EXPECT_EQ(again.batches, 1u) << fixture;
    }
}

TEST(Reread, RejectedFilesAreNotRejectedAgain) {
    TempDir drop;
    stageFixture("sum-mismatch", drop.path());
    const auto first = runOnce(drop.path());
    ASSERT_EQ(first.collected.rejections.size(), 1u);
    EXPECT_TRUE(runOnce(drop.path(), first.checkpoint).collected.rejections.empty());
}

TEST(Checkpoint, HoldsLastBatchMissingBatchesAndHandledFiles) {
    TempDir drop;
    stageFixture("gap-warned", drop.path());
    const auto outcome = runOnce(drop.path());
    EXPECT_EQ(outcome.checkpoint,
              std::string(R"({"v":1,"last_batch":6,"missing_batches":[[2,2],[4,5]],"files":[)") +
                  R"({"path":"fk_ers_2220001230_00000001.txt","size":303,"mtime_ns":)" +
                  std::to_string(parseJson(outcome.checkpoint)["files"][0]["mtime_ns"].GetInt64()) +
                  R"(,"batch":1,"outcome":"applied"},)" +
                  R"({"path":"fk_ers_2220001230_00000003.txt","size":404,"mtime_ns":)" +
                  std::to_string(parseJson(outcome.checkpoint)["files"][1]["mtime_ns"].GetInt64()) +
                  R"(,"batch":3,"outcome":"applied"},)" +
                  R"({"path":"fk_ers_2220001230_00000006.txt","size":303,"mtime_ns":)" +
                  std::to_string(parseJson(outcome.checkpoint)["files"][2]["mtime_ns"].GetInt64()) +
                  R"(,"batch":6,"outcome":"applied"}]})");
}

TEST(Checkpoint, MidFileNamesTheFileItsSha256AndTheNextLine) {
    TempDir drop;
    stageFixture("samples", drop.path());
    std::string checkpoint;
    std::optional<rapidjson::Document> midFile;
    for (int batches = 0; batches < 100 && !midFile; ++batches) {
        auto batch = readOneBatch(drop.path(), checkpoint, 1);
        checkpoint = batch.outcome.checkpoint;
        auto document = parseJson(checkpoint);
        if (document.HasMember("current") && document["current"]["batch"].GetInt64() == 3 &&
            document["current"]["next_line"].GetInt64() == 3) {
            midFile = std::move(document);
        }
    }
    ASSERT_TRUE(midFile);
    const auto& current = (*midFile)["current"];
    std::string error;
    const auto bytes =
        sdk::toolkit::readWholeFile(drop.path() / "fk_ers_2220001230_00000003.txt", error);
    ASSERT_TRUE(bytes);
    EXPECT_EQ(std::string(current["path"].GetString()), "fk_ers_2220001230_00000003.txt");
    EXPECT_EQ(std::string(current["sha256"].GetString()), sdk::toolkit::sha256Hex(*bytes));
    EXPECT_EQ(current["next_offset"].GetUint64(), 202u);  // header and one detail, LF each
    EXPECT_EQ((*midFile)["last_batch"].GetInt64(), 3);
}

// Steps `drop` with maxRecords 1 until batch `batch` is partly applied; returns that checkpoint.
std::string checkpointInsideBatch(const fs::path& drop, std::int64_t batch) {
    std::string checkpoint;
    for (int batches = 0; batches < 100; ++batches) {
        checkpoint = readOneBatch(drop, checkpoint, 1).outcome.checkpoint;
        auto document = parseJson(checkpoint);
        if (document.HasMember("current") && document["current"]["batch"].GetInt64() == batch) {
            return checkpoint;
        }
    }
    ADD_FAILURE() << "batch " << batch << " never started";
    return checkpoint;
}

TEST(Resume, AFileChangedAfterAPartialApplyIsAbandonedThenAppliedWholeAsMissing) {
    TempDir drop;
    stageFixture("samples", drop.path());
    const auto checkpoint = checkpointInsideBatch(drop.path(), 3);
    // The same batch rewritten: its first detail now ends on 2018-12-31.
    std::string error;
    const auto path = drop.path() / "fk_ers_2220001230_00000003.txt";
    auto bytes = *sdk::toolkit::readWholeFile(path, error);
    bytes.replace(101 + 27, 8, "20181231");
    writeFile(path, bytes);

    const auto resumed = runOnce(drop.path(), checkpoint);
    ASSERT_EQ(resumed.result.status, sdk::Status::kOk) << resumed.result.message;
    ASSERT_GE(resumed.collected.warnings.size(), 2u);
    EXPECT_NE(resumed.collected.warnings[0].find("changed since it was partly applied"),
              std::string::npos);
    EXPECT_NE(resumed.collected.warnings[0].find("missing batches now: 3"), std::string::npos);
    EXPECT_NE(resumed.collected.warnings[1].find("holds batch 3, which was missing"),
              std::string::npos);
    ASSERT_FALSE(resumed.collected.records.empty());
    EXPECT_EQ(resumed.collected.records[0].position.line, 2);  // the whole batch, from the top
    EXPECT_EQ(resumed.collected.records[0].fields[4].value, "2018-12-31");
    EXPECT_EQ(resumed.collected.records.size(), 3u + 2u + 5u + 3u);
    EXPECT_NE(resumed.checkpoint.find(R"("last_batch":6,"missing_batches":[])"), std::string::npos);
}

TEST(Resume, AVanishedFileIsAbandonedAndARedeliveryCompletesIt) {
    TempDir drop;
    stageFixture("samples", drop.path());
    const auto checkpoint = checkpointInsideBatch(drop.path(), 3);
    const auto original = drop.path() / "fk_ers_2220001230_00000003.txt";
    const auto moved = drop.path().parent_path() / (drop.path().filename().string() + "-b3.txt");
    fs::rename(original, moved);

    const auto resumed = runOnce(drop.path(), checkpoint);
    ASSERT_EQ(resumed.result.status, sdk::Status::kOk);
    ASSERT_FALSE(resumed.collected.warnings.empty());
    EXPECT_NE(resumed.collected.warnings[0].find("has disappeared from the drop folder"),
              std::string::npos);
    EXPECT_NE(resumed.checkpoint.find(R"("last_batch":6,"missing_batches":[[3,3]])"),
              std::string::npos);

    fs::create_directories(drop.path() / "redelivery");
    fs::rename(moved, drop.path() / "redelivery/fk_ers_2220001230_00000042.txt");
    const auto redelivered = runOnce(drop.path(), resumed.checkpoint);
    EXPECT_EQ(redelivered.collected.records.size(), 3u);
    EXPECT_NE(redelivered.checkpoint.find(R"("missing_batches":[])"), std::string::npos);
}

// fk-fixed.md "Rules": an operator can re-process a corrected copy of a refused file.
TEST(Redelivery, ACorrectedCopyOfARefusedBatchIsAppliedLate) {
    TempDir drop;
    stageFixture("rejected-then-next", drop.path());
    const auto first = runOnce(drop.path());
    ASSERT_EQ(first.collected.rejections.size(), 1u);
    EXPECT_NE(first.checkpoint.find(R"("missing_batches":[[1,1]])"), std::string::npos);
    std::string error;
    auto corrected =
        *sdk::toolkit::readWholeFile(drop.path() / "fk_ers_2220001230_00000001.txt", error);
    corrected.replace(3 * 101 + 10, 12, "000000000150");
    writeFile(drop.path() / "corrected/fk_ers_2220001230_00000001.txt", corrected);
    const auto second = runOnce(drop.path(), first.checkpoint);
    EXPECT_EQ(second.collected.records.size(), 2u);
    ASSERT_EQ(second.collected.warnings.size(), 1u);
    EXPECT_NE(second.collected.warnings[0].find("holds batch 1, which was missing"),
              std::string::npos);
    EXPECT_NE(second.checkpoint.find(R"("last_batch":2,"missing_batches":[])"), std::string::npos);
}

TEST(Transport, ATmpFileIsReadOnceItIsRenamed) {
    TempDir drop;
    stageFixture("duplicate-batch", drop.path());
    fs::remove(drop.path() / "fk_ers_2220001230_00000003.txt");
    fs::rename(drop.path() / "fk_ers_2220001230_00000002.txt",
               drop.path() / "fk_ers_2220001230_00000002.txt.tmp");
    const auto first = runOnce(drop.path());
    EXPECT_EQ(first.collected.records.size(), 1u);
    fs::rename(drop.path() / "fk_ers_2220001230_00000002.txt.tmp",
               drop.path() / "fk_ers_2220001230_00000002.txt");
    const auto second = runOnce(drop.path(), first.checkpoint);
    EXPECT_EQ(second.collected.records.size(), 1u);
    EXPECT_TRUE(second.collected.warnings.empty());
}

TEST(Transport, ArchivedFilesLeaveTheCheckpoint) {
    TempDir drop;
    stageFixture("samples", drop.path());
    const auto first = runOnce(drop.path());
    for (int batch = 1; batch <= 5; ++batch) {
        fs::remove(drop.path() / ("fk_ers_2220001230_0000000" + std::to_string(batch) + ".txt"));
    }
    const auto second = runOnce(drop.path(), first.checkpoint);
    EXPECT_TRUE(second.collected.records.empty());
    EXPECT_EQ(parseJson(second.checkpoint)["files"].Size(), 1u);
    EXPECT_EQ(parseJson(second.checkpoint)["last_batch"].GetInt64(), 6);
}

TEST(StartAfterBatch, SetsTheBaselineOfANewInstance) {
    TempDir drop;
    stageFixture("gap-warned", drop.path());
    FkFixedConnector connector;
    const std::string settings =
        "{\"drop_dir\": \"" + drop.path().string() +
        "\", \"receiver_orgnr\": \"2220001230\", \"start_after_batch\": 2}";
    const auto outcome = sdk::testkit::runToDrain(
        connector, settings, "", sdk::Context{"fk-test", "fk", drop.path().string(), nullptr});
    ASSERT_EQ(outcome.collected.warnings.size(), 2u);
    EXPECT_NE(outcome.collected.warnings[0].find("holds batch 1, which was applied before"),
              std::string::npos);
    EXPECT_NE(outcome.collected.warnings[1].find("batches 4-5 are missing"), std::string::npos);
    EXPECT_NE(outcome.checkpoint.find(R"("last_batch":6,"missing_batches":[[4,5]])"),
              std::string::npos);
}

TEST(Checkpoint, AnUnrecognisedCheckpointStartsOverAndSaysSo) {
    TempDir drop;
    stageFixture("samples", drop.path());
    sdk::testkit::CollectingLogger logger;
    const auto outcome = runOnce(drop.path(), "not a checkpoint", &logger);
    EXPECT_EQ(outcome.collected.records.size(), 15u);
    ASSERT_FALSE(logger.lines().empty());
    EXPECT_EQ(logger.lines()[0].first, sdk::Logger::Level::kWarning);
    EXPECT_NE(logger.lines()[0].second.find("checkpoint not recognised"), std::string::npos);
}

}  // namespace
}  // namespace finsam::connectors::fk_fixed::testing
