// tests/integration/forbund_register_test.cpp — the förbund connector plugin through the whole pipeline into
// each store: quarantine positions, all-or-nothing sets, snapshot retractions, idempotent re-runs.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "core/app/hub_runtime.h"
#include "core/feed/feed_reader.h"
#include "core/pipeline/ingest_runner.h"
#include "core/store/store_stats.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/leak_scan.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(FINSAM_SOURCE_DIR) + "/connectors/forbund-csv/fixtures/";

class ForbundRegisterTest : public ::testing::TestWithParam<TestBackend> {
protected:
    ForbundRegisterTest() : store_(GetParam()), files_(writeHubConfig(dir_, store_)), runtime_(files_.configFile) {}

    pipeline::IngestSummary ingest() {
        pipeline::IngestRunner runner(*runtime_.database, runtime_.plugins, runtime_.config, *runtime_.pseudonymizer);
        auto summary = runner.drain(*runtime_.config.connector("forbund"));
        EXPECT_EQ(summary.error, "");
        EXPECT_EQ(summary.counts.read,
                  summary.counts.accepted + summary.counts.quarantined + summary.counts.rejectedRows);
        return summary;
    }

    void deliver(const std::string& fixture) { copyDropSet(kFixtures + fixture, files_.dropDir); }

    // The förbund saves again: KLAR is rewritten (newer) even when the sheets did not change.
    void touchMarker() { rewriteMarker(files_.dropDir); }

    std::vector<feed::FeedEvent> eventsAfter(std::int64_t seq) { return feed::FeedReader(*runtime_.database).read(seq, 1000); }

    TempDir dir_;
    TestStore store_;
    HubFiles files_;
    app::HubRuntime runtime_;
};

TEST_P(ForbundRegisterTest, TheSameSetAgainChangesNothing) {
    deliver("good-set");
    auto first = ingest();
    EXPECT_GT(first.events, 0);
    EXPECT_EQ(first.counts.quarantined, 0);
    EXPECT_EQ(first.counts.read, csvDataRows(files_.dropDir)) << "every row of the three sheets, once";
    auto before = store::readStats(*runtime_.database);
    touchMarker();
    auto second = ingest();
    EXPECT_EQ(second.events, 0);
    EXPECT_EQ(store::readStats(*runtime_.database).toJson(), before.toJson());
    EXPECT_EQ(ingest().batches, 0) << "an unchanged marker is not read again";
}

TEST_P(ForbundRegisterTest, UnknownDisplayValueIsQuarantinedWithLineAndColumn) {
    deliver("good-set");
    std::string path = files_.dropDir + "/deltaganden.csv";
    std::string text = fileBytes(path);
    auto at = text.find(",Nej,Man,1974,");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 14, ",Nej,Mann,1974,");
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    touchMarker();

    auto summary = ingest();
    EXPECT_EQ(summary.counts.quarantined, 1);
    EXPECT_EQ(summary.counts.read, csvDataRows(files_.dropDir));
    std::string source, field, code, message, payload;
    long long line = 0;
    int column = 0;
    runtime_.database->session() << "SELECT source, line, column_no, field, code, message, payload FROM quarantine",
        soci::into(source), soci::into(line), soci::into(column), soci::into(field), soci::into(code),
        soci::into(message), soci::into(payload);
    EXPECT_EQ(fs::path(source).filename(), "deltaganden.csv");
    EXPECT_EQ(line, 3);
    EXPECT_EQ(column, 5);
    EXPECT_EQ(field, "kon");
    EXPECT_EQ(code, "unknown_code");
    EXPECT_NE(message.find("'Mann'"), std::string::npos) << message;
    EXPECT_EQ(payload.find("19740504-9334"), std::string::npos) << "the payload is redacted: " << payload;
}

TEST_P(ForbundRegisterTest, AMissingSheetAppliesNothing) {
    deliver("missing-sheet");
    auto summary = ingest();
    EXPECT_GE(summary.counts.rejectedSources, 2);
    EXPECT_EQ(summary.counts.rejectedRows, csvDataRows(files_.dropDir));
    EXPECT_EQ(summary.counts.accepted, 0);
    auto stats = store::readStats(*runtime_.database);
    EXPECT_EQ(stats.insatser + stats.deltaganden + stats.samtycken + stats.feedEvents, 0);
    long long rejected = 0;
    runtime_.database->session() << "SELECT COUNT(*) FROM rejected_source", soci::into(rejected);
    EXPECT_EQ(rejected, summary.counts.rejectedSources);
}

TEST_P(ForbundRegisterTest, ARowThatDisappearsIsRetracted) {
    deliver("no-bom");
    ingest();
    std::string end, reason;
    runtime_.database->session() << "SELECT slutdatum, avslutsanledning FROM deltagande WHERE entity_key = "
                                    "'forbund-sthlm/D-03'",
        soci::into(end), soci::into(reason);
    EXPECT_EQ(end + " " + reason, "2020-03-01 samtycke_aterkallat") << "ongoing, its consent withdrawn";
    auto head = feed::FeedReader(*runtime_.database).head();
    deliver("second-snapshot");
    auto summary = ingest();
    EXPECT_GT(summary.events, 0);
    std::set<std::string> retracted, ended;
    for (const auto& event : eventsAfter(head)) {
        if (event.type.ends_with(".retracted")) {
            retracted.insert(event.type + " " + event.entityKey.substr(event.entityKey.find('/') + 1));
        }
        if (event.type == "deltagande.ended") {
            ended.insert(event.entityKey.substr(event.entityKey.find('/') + 1));
        }
    }
    EXPECT_EQ(retracted.count("deltagande.retracted D-02"), 1u) << summary.toJson();
    EXPECT_EQ(retracted.count("samtycke.retracted SAM-02"), 1u);
    // D-03 was ended by its consent's withdrawal (2020-03-01) in the first set; the register now gives its own,
    // earlier end and reason.
    EXPECT_EQ(ended.count("D-03"), 0u);
    runtime_.database->session() << "SELECT slutdatum, avslutsanledning FROM deltagande WHERE entity_key = "
                                    "'forbund-sthlm/D-03'",
        soci::into(end), soci::into(reason);
    EXPECT_EQ(end + " " + reason, "2020-02-14 arbete");
}

INSTANTIATE_TEST_SUITE_P(Backends, ForbundRegisterTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
