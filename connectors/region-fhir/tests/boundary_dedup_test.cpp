// connectors/region-fhir/tests/boundary_dedup_test.cpp — de-duplication on (type, id, meta.versionId) at the
// `since` boundary: `ge` answers the boundary again and equal timestamps run across pages.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "record_views.h"
#include "region_test_support.h"
#include "search_checkpoint.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

constexpr const char* kT1 = "2019-03-17T02:00:00+01:00";
constexpr const char* kT2 = "2019-03-18T02:00:00+01:00";
constexpr const char* kT3 = "2019-04-01T02:00:00+02:00";
const std::string kPage2 = std::string(kBase) + "?_getpages=s1&_getpagesoffset=2";

std::string pnrPatient(const std::string& id, const std::string& number) {
    return patient({.id = id, .personnummer = number});
}

std::vector<std::string> keysOf(const sdk::testkit::Collected& collected) {
    std::vector<std::string> keys;
    for (const auto& record : collected.records) {
        if (record.position.line > 0) {
            keys.push_back(record.key + "@" + valueOf(record, "slutdatum"));
        }
    }
    return keys;
}

// Page 1: e1 at T1, e2 at T2; page 2: e2 again (same version) and e3, both at T2.
std::shared_ptr<ScriptedFetcher> tieAcrossPages() {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    fetcher->answerQuery(
        "EpisodeOfCare",
        bundle({episode({.id = "e1", .lastUpdated = kT1, .patient = "p1", .insats = "FB-1"}),
                episode({.id = "e2", .lastUpdated = kT2, .patient = "p2", .insats = "FB-1"})},
               {pnrPatient("p1", kPnrA), pnrPatient("p2", kPnrB)}, kPage2));
    fetcher->answer(kPage2, bundle({episode({.id = "e2", .lastUpdated = kT2, .patient = "p2", .insats = "FB-1"}),
                                    episode({.id = "e3", .lastUpdated = kT2, .patient = "p3", .insats = "FB-1"})},
                                   {pnrPatient("p2", kPnrB), pnrPatient("p3", kPnrC)}));
    return fetcher;
}

TEST(BoundaryDedup, TheSameVersionOnTwoPagesIsReadOnce) {
    const auto outcome = drain(tieAcrossPages());
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    EXPECT_EQ(keysOf(outcome.collected), (std::vector<std::string>{"e1@", "e2@", "e3@"}));
    const auto checkpoint = Checkpoint::parse(outcome.checkpoint);
    ASSERT_TRUE(checkpoint.has_value());
    const auto& cursor = checkpoint->searches.at("EpisodeOfCare");
    EXPECT_EQ(cursor.since, kT2);
    EXPECT_EQ(cursor.seen, (std::set<std::string>{"EpisodeOfCare/e2/_history/1", "EpisodeOfCare/e3/_history/1"}));
    EXPECT_TRUE(cursor.next.empty());
}

TEST(BoundaryDedup, TheBoundaryAnsweredAgainIsSkippedAndANewerVersionIsApplied) {
    const auto first = drain(tieAcrossPages());
    ASSERT_EQ(first.result.status, sdk::Status::kOk);
    // The next run asks ge T2: the server answers e2 and e3 again, and e2's new version (finished) at T3.
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    fetcher->answerQuery(
        "EpisodeOfCare",
        bundle({episode({.id = "e3", .lastUpdated = kT2, .patient = "p3", .insats = "FB-1"}),
                episode({.id = "e1", .lastUpdated = kT1, .patient = "p1", .insats = "FB-1"}),  // ignores ge
                episode({.id = "e2",
                         .version = "2",
                         .lastUpdated = kT3,
                         .status = "finished",
                         .patient = "p2",
                         .insats = "FB-1",
                         .end = "2019-03-31"})},
               {pnrPatient("p1", kPnrA), pnrPatient("p2", kPnrB), pnrPatient("p3", kPnrC)}));
    const auto second = drain(fetcher, first.checkpoint);
    ASSERT_EQ(second.result.status, sdk::Status::kOk) << second.result.message;
    EXPECT_EQ(keysOf(second.collected), (std::vector<std::string>{"e2@2019-03-31"}));
    const auto& query = fetcher->requests().back();
    EXPECT_NE(query.find("_lastUpdated=ge2019-03-18T02:00:00%2B01:00&"), std::string::npos) << query;
    const auto cursor = Checkpoint::parse(second.checkpoint)->searches.at("EpisodeOfCare");
    EXPECT_EQ(cursor.since, kT3);
    EXPECT_EQ(cursor.seen, (std::set<std::string>{"EpisodeOfCare/e2/_history/2"}));
}

TEST(BoundaryDedup, AnotherVersionAtTheBoundaryInstantIsNotADuplicate) {
    const auto first = drain(tieAcrossPages());
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    fetcher->answerQuery("EpisodeOfCare",
                         bundle({episode({.id = "e3", .version = "2", .lastUpdated = kT2, .status = "finished",
                                          .patient = "p3", .insats = "FB-1", .end = "2019-03-18"})},
                                {pnrPatient("p3", kPnrC)}));
    const auto second = drain(fetcher, first.checkpoint);
    EXPECT_EQ(keysOf(second.collected), (std::vector<std::string>{"e3@2019-03-18"}));
    const auto cursor = Checkpoint::parse(second.checkpoint)->searches.at("EpisodeOfCare");
    EXPECT_EQ(cursor.since, kT2);
    EXPECT_EQ(cursor.seen.size(), 3u);  // e2 v1, e3 v1, e3 v2: all handled at T2
}

TEST(BoundaryDedup, TheSameInstantWrittenWithAnotherOffsetIsTheBoundary) {
    const auto first = drain(tieAcrossPages());
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    fetcher->answerQuery("EpisodeOfCare",
                         bundle({episode({.id = "e3", .lastUpdated = "2019-03-18T01:00:00Z", .patient = "p3",
                                          .insats = "FB-1"})},
                                {pnrPatient("p3", kPnrC)}));
    const auto second = drain(fetcher, first.checkpoint);
    EXPECT_TRUE(second.collected.records.empty());
    EXPECT_EQ(second.checkpoint, first.checkpoint);
}

TEST(BoundaryDedup, AVersionTwiceOnOnePageIsReadOnceAndTheRepeatQuarantined) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    const std::string e1 = episode({.id = "e1", .lastUpdated = kT1, .patient = "p1", .insats = "FB-1"});
    fetcher->answerQuery("EpisodeOfCare", bundle({e1, e1}, {pnrPatient("p1", kPnrA)}));
    const auto outcome = drain(fetcher);
    EXPECT_EQ(keysOf(outcome.collected), (std::vector<std::string>{"e1@"}));
    ASSERT_EQ(outcome.collected.problems.size(), 1u);
    EXPECT_EQ(outcome.collected.problems[0].code, "duplicate_key");
    EXPECT_EQ(outcome.collected.problems[0].position.line, 2);
    // Handled: a run from the checkpoint meeting both again at the boundary reads and quarantines nothing.
    const auto again = drain(fetcher, outcome.checkpoint);
    EXPECT_TRUE(again.collected.records.empty());
    EXPECT_TRUE(again.collected.problems.empty());
}

TEST(BoundaryDedup, AQuarantinedVersionIsNotQuarantinedAgainAtTheBoundary) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    // e1's patient is not on the page: quarantined, and handled all the same.
    fetcher->answerQuery("EpisodeOfCare",
                         bundle({episode({.id = "e1", .lastUpdated = kT1, .patient = "p1", .insats = "FB-1"})}, {}));
    const auto first = drain(fetcher);
    ASSERT_EQ(first.collected.problems.size(), 1u);
    const auto second = drain(fetcher, first.checkpoint);
    EXPECT_TRUE(second.collected.problems.empty());
    EXPECT_EQ(second.checkpoint, first.checkpoint);
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
