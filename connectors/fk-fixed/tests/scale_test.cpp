// connectors/fk-fixed/tests/scale_test.cpp — a large batch file streams in bounded memory and
// bounded batches (README "Volume"). FINSAM_FK_SCALE_ROWS=10000000 runs the full-size case.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "drop_fixture.h"
#include "fk_fixed_connector.h"
#include "temp_dir.h"

namespace finsam::connectors::fk_fixed::testing {
namespace {

constexpr std::int64_t kDefaultRows = 200'000;
constexpr long kMaxPeakRssKb = 300L * 1024;

std::int64_t rowsToGenerate() {
    const char* text = std::getenv("FINSAM_FK_SCALE_ROWS");
    return text != nullptr ? std::atoll(text) : kDefaultRows;
}

// Counts and drops what it is given, as a host that commits each batch would.
class CountingSink : public sdk::RecordSink {
public:
    void accept(sdk::Record record) override {
        EXPECT_GT(record.position.line, lastLine);
        lastLine = record.position.line;
        ++records;
    }
    void quarantine(sdk::Problem) override { ++problems; }
    void reject(sdk::RejectedSource) override { ++rejections; }
    void snapshotComplete(const std::string&) override {}
    void warn(const std::string&) override { ++warnings; }

    std::int64_t records = 0;
    std::int64_t problems = 0;
    std::int64_t rejections = 0;
    std::int64_t warnings = 0;
    std::int64_t lastLine = 0;
};

// One batch file of `rows` details that all share the sample numbers; every 1000th row has a
// bad from date, so quarantine is exercised too.
void writeBigBatch(const std::filesystem::path& path, std::int64_t rows) {
    const char* numbers[] = {"198608158823", "200206684383", "197812048416", "200003134277",
                             "197405049334", "196701244250", "200012240321", "199901032608"};
    std::ofstream out(path, std::ios::binary);
    std::vector<char> buffer(1 << 20);
    out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    char line[128];
    std::snprintf(line, sizeof line, "H202100552120190102061500%08d%s%57s\n", 1, kReceiver, "");
    out << line;
    for (std::int64_t i = 0; i < rows; ++i) {
        const char* from = i % 1000 == 999 ? "20190230" : "20190101";
        std::snprintf(line, sizeof line, "D%sSJP050%s        A-%014lldN %47s\n", numbers[i % 8],
                      from, static_cast<long long>(i), "");
        out << line;
    }
    std::snprintf(line, sizeof line, "T%09lld%012lld%78s\n", static_cast<long long>(rows),
                  static_cast<long long>(rows * 50), "");
    out << line;
}

long peakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

TEST(Scale, ALargeBatchStreamsInBoundedMemoryAndBatches) {
    const std::int64_t rows = rowsToGenerate();
    constexpr std::size_t kMaxRecords = 5000;
    sdk::testkit::TempDir drop;
    writeBigBatch(drop.path() / "fk_ers_2220001230_00000001.txt", rows);

    FkFixedConnector connector;
    sdk::Result error;
    auto run = connector.open(settingsFor(drop.path()), "",
                              sdk::Context{"fk-test", "fk", drop.path().string(), nullptr}, error);
    ASSERT_NE(run, nullptr) << error.message;
    CountingSink sink;
    std::size_t longestCheckpoint = 0;
    for (std::int64_t calls = 0;; ++calls) {
        ASSERT_LT(calls, rows) << "never drained";
        const auto before = sink.records + sink.problems;
        const auto outcome = run->readBatch(kMaxRecords, sink);
        ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
        ASSERT_LE(sink.records + sink.problems - before, static_cast<std::int64_t>(kMaxRecords));
        longestCheckpoint = std::max(longestCheckpoint, outcome.checkpoint.size());
        if (outcome.drained) {
            break;
        }
    }
    EXPECT_EQ(sink.records + sink.problems, rows);
    EXPECT_EQ(sink.problems, rows / 1000);
    EXPECT_EQ(sink.rejections, 0);
    EXPECT_LT(longestCheckpoint, 1024u);
    EXPECT_LT(peakRssKb(), kMaxPeakRssKb) << "peak RSS " << peakRssKb() / 1024 << " MB";
    std::printf("[ scale    ] %lld rows, peak RSS %ld MB\n", static_cast<long long>(rows),
                peakRssKb() / 1024);
}

}  // namespace
}  // namespace finsam::connectors::fk_fixed::testing
