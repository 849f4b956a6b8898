// connectors/region-fhir/tests/malformed_page_test.cpp — pages refused whole (not JSON, not a Bundle, an
// entry of another resource type) and transport failures: nothing on them applied, the checkpoint not
// advanced past them, the page's URL and the reason reported once.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "identity_scan.h"
#include "record_views.h"
#include "region_test_support.h"
#include "search_checkpoint.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

const std::string kPage2 = std::string(kBase) + "?_getpages=s1&_getpagesoffset=1";

std::string goodEpisodes(const std::string& next = "") {
    return bundle({episode({.id = "e1", .patient = "p1", .insats = "FB-1"})},
                  {patient({.id = "p1", .personnummer = kPnrA})}, next);
}

struct BadPage {
    const char* name;
    std::string body;
    std::string code;
    std::string reasonPart;
    std::int64_t rows;
};

std::vector<BadPage> badPages() {
    const std::string observation = R"({"resourceType":"Observation","id":"o1"})";
    return {
        {"invalid_json", "{\"resourceType\":\"Bundle\",", "invalid_json", "not valid JSON", 0},
        {"html", "<html>gateway</html>", "invalid_json", "not valid JSON", 0},
        // Parsing or walking it would overflow the stack: refused before it is parsed.
        {"nested_too_deep", "{\"resourceType\":" + std::string(1 << 20, '['), "invalid_json",
         "nests deeper than 64 levels (at byte 79)", 0},
        {"not_a_bundle", R"({"resourceType":"Patient","id":"p1"})", "not_a_bundle", "/resourceType is 'Patient'", 0},
        {"collection",
         R"({"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Consent","id":"c"}}]})",
         "not_a_searchset", "/type is 'collection'", 1},
        {"unknown_type", bundle({consent({.id = "c1", .patient = "p1"})}, {observation}), "unknown_resource_type",
         "/entry/1/resource/resourceType 'Observation'", 1},
        {"episode_in_consent_search", bundle({episode({.id = "e1", .patient = "p1"})}, {}), "unknown_resource_type",
         "/entry/0/resource/resourceType 'EpisodeOfCare'", 0},
        {"entry_without_resource", R"({"resourceType":"Bundle","type":"searchset","entry":[{"fullUrl":"x"}]})",
         "malformed_bundle", "/entry/0/resource is missing", 0},
    };
}

TEST(MalformedPage, IsRefusedWholeWithItsUrlAndReasonAndTheOtherSearchGoesOn) {
    for (const auto& bad : badPages()) {
        auto fetcher = std::make_shared<ScriptedFetcher>();
        fetcher->answerQuery("Consent", bad.body);
        fetcher->answerQuery("EpisodeOfCare", goodEpisodes());
        const auto outcome = drain(fetcher);
        ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << bad.name << ": " << outcome.result.message;
        ASSERT_EQ(outcome.collected.rejections.size(), 1u) << bad.name;
        const auto& rejection = outcome.collected.rejections[0];
        EXPECT_EQ(rejection.position.source, std::string(kBase) +
                                                 "/Consent?_include=Consent:patient&_sort=_lastUpdated&_count=200")
            << bad.name;
        EXPECT_EQ(rejection.code, bad.code) << bad.name;
        EXPECT_NE(rejection.message.find(bad.reasonPart), std::string::npos) << bad.name << ": " << rejection.message;
        EXPECT_EQ(rejection.rows, bad.rows) << bad.name;
        EXPECT_TRUE(outcome.collected.recordsOf("samtycke").empty()) << bad.name;
        EXPECT_EQ(select(outcome.collected, "deltagande", sdk::Operation::kUpsert).size(), 1u) << bad.name;
        const auto cursor = Checkpoint::parse(outcome.checkpoint)->searches.at("Consent");
        EXPECT_EQ(cursor.since, "") << bad.name;
        EXPECT_TRUE(cursor.seen.empty()) << bad.name;
        EXPECT_EQ(cursor.refusedCode, bad.code) << bad.name;
        EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(outcome.collected)) << bad.name;
    }
}

TEST(MalformedPage, ALaterPageKeepsTheCommittedOnesAndWaitsUntilCorrected) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    fetcher->answerQuery("EpisodeOfCare", goodEpisodes(kPage2));
    fetcher->answer(kPage2, "not json");
    const auto first = drain(fetcher);
    ASSERT_EQ(first.result.status, sdk::Status::kOk);
    EXPECT_EQ(first.collected.records.size(), 1u);
    ASSERT_EQ(first.collected.rejections.size(), 1u);
    EXPECT_EQ(first.collected.rejections[0].position.source, kPage2);
    auto cursor = Checkpoint::parse(first.checkpoint)->searches.at("EpisodeOfCare");
    EXPECT_EQ(cursor.since, "2019-03-17T02:00:00+01:00");  // page 1 committed
    EXPECT_EQ(cursor.next, kPage2);                        // not past page 2

    // Still broken: reported once only; the run warns and reads nothing past it.
    const auto second = drain(fetcher, first.checkpoint);
    EXPECT_TRUE(second.collected.rejections.empty());
    ASSERT_EQ(second.collected.warnings.size(), 1u);
    EXPECT_NE(second.collected.warnings[0].find("still waits"), std::string::npos);
    EXPECT_EQ(second.checkpoint, first.checkpoint);

    // Corrected: read, and the refusal is forgotten.
    fetcher->answer(kPage2, bundle({episode({.id = "e2", .lastUpdated = "2019-03-18T02:00:00+01:00",
                                             .patient = "p1", .insats = "FB-1"})},
                                   {patient({.id = "p1", .personnummer = kPnrA})}));
    const auto third = drain(fetcher, second.checkpoint);
    EXPECT_TRUE(third.collected.rejections.empty());
    ASSERT_EQ(third.collected.records.size(), 1u);
    EXPECT_EQ(third.collected.records[0].key, "e2");
    cursor = Checkpoint::parse(third.checkpoint)->searches.at("EpisodeOfCare");
    EXPECT_TRUE(cursor.refusedUrl.empty());
    EXPECT_TRUE(cursor.next.empty());
}

TEST(MalformedPage, ANextLinkToAnotherServerIsNotFollowed) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    fetcher->answerQuery("EpisodeOfCare", goodEpisodes("https://elsewhere.example/R4?_getpages=x"));
    const auto outcome = drain(fetcher);
    ASSERT_EQ(outcome.collected.rejections.size(), 1u);
    EXPECT_EQ(outcome.collected.rejections[0].code, "foreign_next_link");
    EXPECT_TRUE(outcome.collected.records.empty());
    for (const auto& url : fetcher->requests()) {
        EXPECT_EQ(url.rfind(kBase, 0), 0u) << url;
    }
}

// A next link back to a page already read (itself, or two pages pointing at each other) would page forever:
// the page that closes the loop is applied, the search ends with a warning, and the next run asks from `since`.
TEST(MalformedPage, ANextLinkBackToAPageAlreadyReadEndsTheSearch) {
    const std::string page3 = std::string(kBase) + "?_getpages=s1&_getpagesoffset=2";
    auto episodeOn = [](const char* id, const char* updated, const std::string& next) {
        return bundle({episode({.id = id, .lastUpdated = updated, .patient = "p1", .insats = "FB-1"})},
                      {patient({.id = "p1", .personnummer = kPnrA})}, next);
    };
    for (const bool selfLink : {true, false}) {
        auto fetcher = std::make_shared<ScriptedFetcher>();
        fetcher->answerQuery("Consent", bundle({}, {}));
        fetcher->answerQuery("EpisodeOfCare", episodeOn("e1", "2019-03-17T02:00:00+01:00", kPage2));
        fetcher->answer(kPage2, episodeOn("e2", "2019-03-18T02:00:00+01:00", selfLink ? kPage2 : page3));
        fetcher->answer(page3, episodeOn("e3", "2019-03-19T02:00:00+01:00", kPage2));
        const auto outcome = drain(fetcher);
        ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
        EXPECT_TRUE(outcome.collected.rejections.empty()) << selfLink;
        EXPECT_EQ(outcome.collected.records.size(), selfLink ? 2u : 3u) << "every page read is applied";
        ASSERT_EQ(outcome.collected.warnings.size(), 1u) << selfLink;
        EXPECT_NE(outcome.collected.warnings[0].find("leads back to a page this run already read"),
                  std::string::npos);
        const auto cursor = Checkpoint::parse(outcome.checkpoint)->searches.at("EpisodeOfCare");
        EXPECT_TRUE(cursor.next.empty()) << "the next run starts again from since";
        EXPECT_EQ(cursor.since, selfLink ? "2019-03-18T02:00:00+01:00" : "2019-03-19T02:00:00+01:00");
    }
}

TEST(TransportFailure, LeavesTheCheckpointAndSaysWhy) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->failWith(FetchError(FetchError::Kind::kUnavailable, "HTTP 503 after 5 attempts"));
    auto outcome = drain(fetcher, "");
    EXPECT_EQ(outcome.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_NE(outcome.result.message.find("503"), std::string::npos);
    EXPECT_EQ(outcome.checkpoint, "");  // runToDrain keeps the last committed one: none

    fetcher->failWith(FetchError(FetchError::Kind::kRefused, "HTTP 401"));
    outcome = drain(fetcher, "");
    EXPECT_EQ(outcome.result.status, sdk::Status::kInvalidConfig);
    EXPECT_NE(outcome.result.message.find("refused the token"), std::string::npos) << outcome.result.message;
}

TEST(TransportFailure, AnErrorStatusTheClientReturnsIsUnavailable) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", "{}", 400);
    const auto outcome = drain(fetcher);
    EXPECT_EQ(outcome.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_NE(outcome.result.message.find("HTTP 400"), std::string::npos);
    EXPECT_TRUE(outcome.collected.rejections.empty());
}

TEST(TransportFailure, AFailureAfterCommittedPagesKeepsThem) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    fetcher->answerQuery("EpisodeOfCare", goodEpisodes(kPage2));
    fetcher->answer(kPage2, "", 503);
    const auto outcome = drain(fetcher);
    EXPECT_EQ(outcome.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_EQ(outcome.collected.records.size(), 1u);  // page 1's batch was committed before
    EXPECT_EQ(Checkpoint::parse(outcome.checkpoint)->searches.at("EpisodeOfCare").next, kPage2);
}

TEST(ServerRemarks, AnOperationOutcomeEntryIsWarnedAboutNotRefused) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    std::string page = goodEpisodes();
    page.insert(page.rfind("]}"), R"(,{"resource":{"resourceType":"OperationOutcome","issue":[]},"search":{"mode":"outcome"}})");
    fetcher->answerQuery("EpisodeOfCare", page);
    const auto outcome = drain(fetcher);
    EXPECT_TRUE(outcome.collected.rejections.empty());
    EXPECT_EQ(outcome.collected.records.size(), 1u);
    ASSERT_EQ(outcome.collected.warnings.size(), 1u);
    EXPECT_NE(outcome.collected.warnings[0].find("OperationOutcome"), std::string::npos);
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
