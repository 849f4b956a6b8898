// plugins/mapped-csv/tests/big_file_test.cpp — a file of many batches: bounded, resumed exactly.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <fstream>

#include "fixture_run.h"
#include "golden_file.h"
#include "temp_dir.h"

namespace finsam::connectors::mapped_csv::testing {
namespace {

using sdk::testkit::TempDir;

constexpr int kRows = 10000;

StagedFixture stageBigFile(const std::filesystem::path& dir, const std::string& mode) {
    std::filesystem::create_directories(dir / "drop");
    std::ofstream out(dir / "drop/big.csv", std::ios::binary);
    out << "Id,Insats,Start\r\n";
    for (int i = 1; i <= kRows; ++i) {
        // Every 1000th row is broken: the last row of each batch is a problem, not a record.
        out << "D-" << i << ",FB-" << (i % 7) << ","
            << (i % 1000 == 0 ? "2019-02-30" : "2019-01-02") << "\r\n";
    }
    const std::string settings =
        R"({"drop_dir": "drop", "entity": "deltagande", "key": {"columns": ["Id"]},)"
        R"( "fields": [{"field": "insats_id", "column": "Insats"},)"
        R"( {"field": "startdatum", "column": "Start"}], "change": {"mode": ")" +
        mode + "\"}}";
    return StagedFixture{dir, settings};
}

TEST(BigFile, AppendModeReadsInBatchesOfMaxRecordsAndResumesExactly) {
    TempDir dir;
    const auto fixture = stageBigFile(dir.path(), "append");
    const auto full = runOnce(fixture, "", 1000);
    ASSERT_EQ(full.result.status, sdk::Status::kOk) << full.result.message;
    EXPECT_EQ(full.collected.records.size() + full.collected.problems.size(), std::size_t{kRows});
    EXPECT_EQ(full.collected.problems.size(), std::size_t{kRows / 1000});
    EXPECT_EQ(full.batches, std::size_t{kRows / 1000 + 1});

    std::string checkpoint;
    sdk::testkit::Collected resumed;
    while (true) {
        auto batch = readOneBatch(fixture, checkpoint, 1000);  // a fresh process every time
        ASSERT_LE(batch.collected.records.size() + batch.collected.problems.size(), 1000u);
        resumed.append(std::move(batch.collected));
        checkpoint = batch.outcome.checkpoint;
        if (batch.outcome.drained) {
            break;
        }
    }
    EXPECT_EQ(sdk::testkit::toGoldenJson(resumed), sdk::testkit::toGoldenJson(full.collected));
    EXPECT_EQ(checkpoint, full.checkpoint);
}

TEST(BigFile, SnapshotModeKeepsTheFileInOneBatchEndingInSnapshotComplete) {
    TempDir dir;
    const auto fixture = stageBigFile(dir.path(), "snapshot");
    auto batch = readOneBatch(fixture, "", 1000);
    EXPECT_EQ(batch.collected.records.size() + batch.collected.problems.size(), std::size_t{kRows});
    EXPECT_EQ(batch.collected.snapshots, std::vector<std::string>{"deltagande"});
}

}  // namespace
}  // namespace finsam::connectors::mapped_csv::testing
