// connectors/region-fhir/tests/checkpoint_test.cpp — the checkpoint's text form, and resuming from it: after
// any committed page, a new run ends with exactly what one straight read gives.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "record_views.h"
#include "region_fhir_connector.h"
#include "region_test_support.h"
#include "search_checkpoint.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

constexpr int kPageSize = 10;

TEST(CheckpointText, RoundTripsAndIsDeterministic) {
    Checkpoint checkpoint;
    auto& episodes = checkpoint.searches["EpisodeOfCare"];
    episodes.since = "2019-03-17T02:00:00+01:00";
    episodes.seen = {seenKey("EpisodeOfCare", "eoc-2", "1"), seenKey("EpisodeOfCare", "eoc-10", "3")};
    episodes.next = std::string(kBase) + "?_getpages=abc&_getpagesoffset=10";
    auto& consents = checkpoint.searches["Consent"];
    consents.refusedUrl = std::string(kBase) + "/Consent?_count=10";
    consents.refusedCode = "invalid_json";
    const std::string text = checkpoint.toString();
    EXPECT_EQ(text,
              "{\"v\":1,\"searches\":{\"Consent\":{\"since\":\"\",\"seen\":[],\"refused\":{\"url\":\"" +
                  std::string(kBase) +
                  "/Consent?_count=10\",\"code\":\"invalid_json\"}},\"EpisodeOfCare\":{\"since\":"
                  "\"2019-03-17T02:00:00+01:00\",\"seen\":[\"EpisodeOfCare/eoc-10/_history/3\","
                  "\"EpisodeOfCare/eoc-2/_history/1\"],\"next\":\"" +
                  episodes.next + "\"}}}");
    const auto parsed = Checkpoint::parse(text);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->searches, checkpoint.searches);
    EXPECT_EQ(parsed->toString(), text);
}

TEST(CheckpointText, EmptyIsTheStartAndForeignTextIsRefused) {
    ASSERT_TRUE(Checkpoint::parse("").has_value());
    EXPECT_TRUE(Checkpoint::parse("")->searches.empty());
    for (const char* text : {"x", "[]", "{}", "{\"v\":2,\"searches\":{}}", "{\"v\":1,\"searches\":[]}",
                             "{\"v\":1,\"searches\":{\"Consent\":{\"seen\":\"a\"}}}",
                             "{\"v\":1,\"searches\":{\"Consent\":{\"refused\":{\"url\":\"u\"}}}}",
                             "{\"last_batch\":41}"}) {
        EXPECT_FALSE(Checkpoint::parse(text).has_value()) << text;
    }
}

TEST(CheckpointText, AnotherConnectorsCheckpointRefusesToOpen) {
    RegionFhirConnector connector([](const Settings&, const sdk::Context&) {
        return std::make_unique<ScriptedFetcher>();
    });
    sdk::Result error;
    auto run = connector.open(settingsJson(), "{\"v\":1,\"last_batch\":3}", {"region", "region-01", "/tmp", nullptr},
                              error);
    EXPECT_EQ(run, nullptr);
    EXPECT_EQ(error.status, sdk::Status::kInvalidConfig);
    EXPECT_NE(error.message.find("reset it"), std::string::npos) << error.message;
}

class Resume : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        region_ = new GeneratedRegion(200, 3, kPageSize);
        straight_ = new sdk::testkit::DrainOutcome(read(""));
    }
    static void TearDownTestSuite() {
        delete straight_;
        delete region_;
    }
    static sdk::testkit::DrainOutcome read(const std::string& checkpoint, std::size_t maxBatches = 100,
                                           std::shared_ptr<PageFetcher> fetcher = nullptr) {
        if (!fetcher) {
            fetcher = std::make_shared<GeneratedPagesFetcher>(region_->regionDir());
        }
        return drain(fetcher, checkpoint, settingsJson(kPageSize, "\"rehabkoordinering\":\"kontakt\""), nullptr,
                     maxBatches);
    }
    static GeneratedRegion* region_;
    static sdk::testkit::DrainOutcome* straight_;
};

GeneratedRegion* Resume::region_ = nullptr;
sdk::testkit::DrainOutcome* Resume::straight_ = nullptr;

TEST_F(Resume, FromEveryPageBoundaryGivesTheSameRecordsAsAStraightRead) {
    ASSERT_EQ(straight_->result.status, sdk::Status::kOk) << straight_->result.message;
    ASSERT_GT(straight_->batches, 4u) << "several pages per search";
    const auto expected = describeAll(straight_->collected.records);
    for (std::size_t k = 1; k < straight_->batches; ++k) {
        const auto first = read("", k);  // the host committed k batches, then stopped
        ASSERT_EQ(first.batches, k);
        const auto rest = read(first.checkpoint);
        ASSERT_EQ(rest.result.status, sdk::Status::kOk) << rest.result.message;
        auto records = describeAll(first.collected.records);
        const auto more = describeAll(rest.collected.records);
        records.insert(records.end(), more.begin(), more.end());
        EXPECT_EQ(records, expected) << "resumed after batch " << k;
        EXPECT_EQ(rest.checkpoint, straight_->checkpoint) << "resumed after batch " << k;
    }
}

TEST_F(Resume, AnExpiredPagingLinkStartsTheQueryAgainAtSinceAndLosesNothing) {
    const auto expected = describeAll(straight_->collected.records);
    int expiredCases = 0;
    for (std::size_t k = 1; k < straight_->batches; ++k) {
        const auto first = read("", k);
        auto checkpoint = Checkpoint::parse(first.checkpoint);
        ASSERT_TRUE(checkpoint.has_value());
        bool expired = false;
        for (auto& [type, cursor] : checkpoint->searches) {
            if (!cursor.next.empty()) {
                cursor.next = std::string(kBase) + "?_getpages=expired";  // the server forgot the search
                expired = true;
            }
        }
        if (!expired) {
            continue;
        }
        ++expiredCases;
        const auto rest = read(checkpoint->toString());
        ASSERT_EQ(rest.result.status, sdk::Status::kOk) << rest.result.message;
        ASSERT_EQ(rest.collected.warnings.size(), 1u);
        EXPECT_NE(rest.collected.warnings[0].find("expired"), std::string::npos);
        auto records = describeAll(first.collected.records);
        const auto more = describeAll(rest.collected.records);
        records.insert(records.end(), more.begin(), more.end());
        EXPECT_EQ(records, expected) << "link expired after batch " << k;
        EXPECT_EQ(rest.checkpoint, straight_->checkpoint);
    }
    EXPECT_GT(expiredCases, 2);
}

TEST_F(Resume, TheSameCheckpointReadsTheSameBatches) {
    for (std::size_t k : {1u, 3u}) {
        const auto first = read("", k);
        const auto a = read(first.checkpoint, 2);
        const auto b = read(first.checkpoint, 2);
        EXPECT_EQ(describeAll(a.collected.records), describeAll(b.collected.records));
        EXPECT_EQ(a.checkpoint, b.checkpoint);
    }
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
