// plugins/mapped-csv/tests/resume_test.cpp — batches, crashes and replays: nothing lost, nothing
// twice.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <algorithm>

#include "fixture_run.h"
#include "golden_file.h"
#include "temp_dir.h"

namespace finsam::connectors::mapped_csv::testing {
namespace {

using sdk::testkit::Collected;
using sdk::testkit::TempDir;
using sdk::testkit::toGoldenJson;

std::size_t rowsOf(const Collected& collected) {
    return collected.records.size() + collected.problems.size();
}

// A crash after every committed batch: the next run opens a fresh connector at the saved
// checkpoint.
Collected readWithRestartAfterEveryBatch(const StagedFixture& fixture, std::size_t maxRecords,
                                         std::string& checkpoint) {
    Collected all;
    for (int batches = 0; batches < 1000; ++batches) {
        auto batch = readOneBatch(fixture, checkpoint, maxRecords);
        EXPECT_EQ(batch.outcome.result.status, sdk::Status::kOk) << batch.outcome.result.message;
        all.append(std::move(batch.collected));
        checkpoint = batch.outcome.checkpoint;
        if (batch.outcome.drained || batch.outcome.result.status != sdk::Status::kOk) {
            return all;
        }
    }
    ADD_FAILURE() << "never drained";
    return all;
}

class ResumeCase : public ::testing::TestWithParam<std::tuple<std::string, std::size_t>> {};

TEST_P(ResumeCase, RestartAfterEveryBatchEqualsOneFullRead) {
    const auto& [name, maxRecords] = GetParam();
    TempDir dir;
    const auto fixture = stageFixture(name, dir.path());
    const auto full = runOnce(fixture);
    ASSERT_EQ(full.result.status, sdk::Status::kOk) << full.result.message;
    std::string checkpoint;
    const auto resumed = readWithRestartAfterEveryBatch(fixture, maxRecords, checkpoint);
    EXPECT_EQ(toGoldenJson(resumed), toGoldenJson(full.collected));
    EXPECT_EQ(checkpoint, full.checkpoint);
}

TEST_P(ResumeCase, AnUncommittedBatchIsReplayedExactly) {
    const auto& [name, maxRecords] = GetParam();
    TempDir dir;
    const auto fixture = stageFixture(name, dir.path());
    std::string checkpoint;
    for (int batches = 0; batches < 1000; ++batches) {
        // The host crashed before committing `first`: the same checkpoint yields the same batch.
        const auto first = readOneBatch(fixture, checkpoint, maxRecords);
        const auto replay = readOneBatch(fixture, checkpoint, maxRecords);
        ASSERT_EQ(toGoldenJson(replay.collected), toGoldenJson(first.collected));
        ASSERT_EQ(replay.outcome.checkpoint, first.outcome.checkpoint);
        ASSERT_EQ(replay.outcome.drained, first.outcome.drained);
        if (first.outcome.drained) {
            return;
        }
        checkpoint = first.outcome.checkpoint;
    }
    FAIL() << "never drained";
}

TEST_P(ResumeCase, ReadingAgainFromTheLastCheckpointChangesNothing) {
    const auto& [name, maxRecords] = GetParam();
    TempDir dir;
    const auto fixture = stageFixture(name, dir.path());
    const auto first = runOnce(fixture, "", maxRecords);
    ASSERT_EQ(first.result.status, sdk::Status::kOk);
    const auto again = runOnce(fixture, first.checkpoint, maxRecords);
    EXPECT_EQ(again.result.status, sdk::Status::kOk);
    EXPECT_EQ(toGoldenJson(again.collected), toGoldenJson(Collected{}));
    EXPECT_EQ(again.checkpoint, first.checkpoint);
    EXPECT_EQ(again.batches, 1u);
}

// Every fixture, with batches of one row, of three rows and of plenty.
INSTANTIATE_TEST_SUITE_P(Fixtures, ResumeCase,
                         ::testing::Combine(::testing::ValuesIn(fixtureNames()),
                                            ::testing::Values(std::size_t{1}, std::size_t{3},
                                                              std::size_t{500})),
                         [](const auto& info) {
                             std::string name = std::get<0>(info.param);
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name + "_max" + std::to_string(std::get<1>(info.param));
                         });

TEST(Batches, AppendModeGivesAtMostMaxRecordsRowsPerBatch) {
    TempDir dir;
    const auto fixture = stageFixture("append-delete", dir.path());
    std::string checkpoint;
    std::size_t batches = 0;
    std::size_t rows = 0;
    while (true) {
        auto batch = readOneBatch(fixture, checkpoint, 3);
        EXPECT_LE(rowsOf(batch.collected), 3u);
        rows += rowsOf(batch.collected);
        ++batches;
        checkpoint = batch.outcome.checkpoint;
        if (batch.outcome.drained) {
            break;
        }
    }
    EXPECT_EQ(rows, 11u);
    EXPECT_EQ(batches, 5u);  // 3 + 3 + 3 + 2 rows, then an empty look that drains
}

// connector.h: snapshotComplete() retracts what *its batch* did not mention, so a snapshot file is
// one batch whatever maxRecords says, and the snapshot is complete only in that batch.
TEST(Batches, ASnapshotFileIsOneBatchEndingInSnapshotComplete) {
    TempDir dir;
    const auto fixture = stageFixture("forbund-deltaganden", dir.path());
    auto batch = readOneBatch(fixture, "", 1);
    EXPECT_EQ(rowsOf(batch.collected), 12u);
    EXPECT_EQ(batch.collected.snapshots, std::vector<std::string>{"deltagande"});
    EXPECT_FALSE(batch.outcome.drained);
    auto next = readOneBatch(fixture, batch.outcome.checkpoint, 1);
    EXPECT_TRUE(next.outcome.drained);
    EXPECT_EQ(rowsOf(next.collected), 0u);
}

TEST(Batches, AppendModeNeverCallsSnapshotComplete) {
    TempDir dir;
    const auto fixture = stageFixture("ersattning-windows-1252", dir.path());
    auto outcome = runOnce(fixture, "", 2);
    EXPECT_TRUE(outcome.collected.snapshots.empty());
    EXPECT_GT(outcome.batches, 3u);
}

}  // namespace
}  // namespace finsam::connectors::mapped_csv::testing
