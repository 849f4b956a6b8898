// connectors/kommun-api/tests/run_test.cpp — the run over scripted pages: cursors, batches, drained, failures
// that keep the checkpoint, and items quarantined alone (kommun-api.md "Endpoints", "Failure handling").
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <set>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "checkpoint.h"
#include "collecting_sink.h"
#include "identity_scan.h"
#include "support/held_state.h"
#include "support/item_json.h"
#include "support/join_harness.h"
#include "support/scripted_fetcher.h"

namespace finsam::connectors::kommun_api::testing {
namespace {

using sdk::testkit::Collected;
using sdk::testkit::CollectingSink;

std::string paymentItem(const std::string& id, const std::string& month, const std::string& status = "utbetald") {
    auto item = itemWith(kPaymentItem);
    item["id"].SetString(id.c_str(), item.GetAllocator());
    item["period"].SetString(month.c_str(), item.GetAllocator());
    item["status"].SetString(status.c_str(), item.GetAllocator());
    item["medsokande_personnummer"].SetNull();
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    item.Accept(writer);
    return buffer.GetString();
}

struct Drained {
    Collected collected;
    std::string checkpoint;
    sdk::Result result;
    int batches = 0;
};

// What the host does: readBatch until drained or a failure; only a good batch's checkpoint is kept.
Drained drain(KommunApiRun& run, std::size_t maxRecords, const std::string& checkpoint = "") {
    Drained out;
    out.checkpoint = checkpoint;
    for (int i = 0; i < 50; ++i) {
        CollectingSink sink;
        sdk::BatchOutcome outcome = run.readBatch(maxRecords, sink);
        ++out.batches;
        if (outcome.result.status != sdk::Status::kOk) {
            out.result = outcome.result;
            return out;
        }
        out.collected.append(sink.take());
        out.checkpoint = outcome.checkpoint;
        if (outcome.drained) {
            return out;
        }
    }
    ADD_FAILURE() << "never drained";
    return out;
}

std::shared_ptr<Script> twoPagesAndOne() {
    auto script = std::make_shared<Script>();
    script->answers[kPaymentsUrl] = {{200, pageBody({paymentItem("EB-1", "2019-01")}, "p1", true)}};
    script->answers[kPaymentsUrl + "&cursor=p1"] = {{200, pageBody({paymentItem("EB-2", "2019-02")}, "p2", false)}};
    script->answers[kParticipationsUrl] = {{200, pageBody({kParticipationItem}, "d1", false)}};
    script->answers[kPaymentsUrl + "&cursor=p2"] = {{200, pageBody({}, "p2", false)}};
    script->answers[kParticipationsUrl + "&cursor=d1"] = {{200, pageBody({}, "d1", false)}};
    return script;
}

TEST(Run, PagesFollowTheirCursorsUntilBothEndpointsSayNoMore) {
    auto script = twoPagesAndOne();
    auto run = scriptedRun(script);
    Drained out = drain(*run, 1);
    ASSERT_EQ(out.result.status, sdk::Status::kOk) << out.result.message;
    EXPECT_EQ(out.batches, 3) << "a page per batch at maxRecords 1; drained with the last";
    EXPECT_EQ(script->requested,
              (std::vector<std::string>{kPaymentsUrl, kPaymentsUrl + "&cursor=p1", kParticipationsUrl}));
    HeldState held;
    held.apply(out.collected.records);
    EXPECT_EQ(held.periodsOf(kAnna), std::vector<std::string>{"2019-01-01..2019-02-28"});
    EXPECT_EQ(held.of("deltagande").size(), 1u);
    auto checkpoint = Checkpoint::parse(out.checkpoint);
    ASSERT_TRUE(checkpoint);
    EXPECT_EQ(checkpoint->cursors[kPayments], "p2") << "has_more:false still hands the cursor for the next run";
    EXPECT_EQ(checkpoint->cursors[kParticipations], "d1");
}

TEST(Run, ABatchTakesWholePagesUntilItHoldsMaxRecordsItemsAcrossEndpoints) {
    Drained out = drain(*scriptedRun(twoPagesAndOne()), 1000);
    EXPECT_EQ(out.batches, 1) << "both payment pages and the participations";
    out = drain(*scriptedRun(twoPagesAndOne()), 2);
    EXPECT_EQ(out.batches, 2) << "two items: the payment pages; then the participations";
}

TEST(Run, ARunReopenedAfterEveryBatchStillReachesTheLastEndpoint) {
    auto script = twoPagesAndOne();
    std::string checkpoint;
    bool drained = false;
    for (int i = 0; i < 5 && !drained; ++i) {
        CollectingSink sink;
        sdk::BatchOutcome batch = scriptedRun(script, checkpoint)->readBatch(1, sink);
        ASSERT_EQ(batch.result.status, sdk::Status::kOk) << batch.result.message;
        checkpoint = batch.checkpoint;
        drained = batch.drained;
    }
    EXPECT_TRUE(drained) << "an endpoint with nothing new leaves its budget to the next";
    EXPECT_EQ(Checkpoint::parse(checkpoint)->cursors[kParticipations], "d1");
}

TEST(Run, TheNextRunResumesFromTheStoredCursorsAndGetsOnlyNewerChanges) {
    auto script = twoPagesAndOne();
    Drained first = drain(*scriptedRun(script), 1000);
    script->requested.clear();
    script->answers[kPaymentsUrl + "&cursor=p2"] = {
        {200, pageBody({paymentItem("EB-2", "2019-02", "makulerad")}, "p3", false)}};
    Drained second = drain(*scriptedRun(script, first.checkpoint), 1000, first.checkpoint);
    ASSERT_EQ(second.result.status, sdk::Status::kOk) << second.result.message;
    EXPECT_EQ(script->requested,
              (std::vector<std::string>{kPaymentsUrl + "&cursor=p2", kParticipationsUrl + "&cursor=d1"}));
    ASSERT_EQ(second.collected.records.size(), 1u) << "the join state came through the checkpoint";
    EXPECT_EQ(HeldState::field(second.collected.records[0], "tom_datum"), "2019-01-31");
    // And a run with nothing new writes nothing and leaves the checkpoint as it was.
    Drained third = drain(*scriptedRun(script, second.checkpoint), 1000, second.checkpoint);
    script->answers[kPaymentsUrl + "&cursor=p3"] = {{200, pageBody({}, "p3", false)}};
    third = drain(*scriptedRun(script, second.checkpoint), 1000, second.checkpoint);
    EXPECT_TRUE(third.collected.records.empty());
    EXPECT_EQ(third.checkpoint, second.checkpoint);
}

// Payments fold into periods: a period's record carries one item's position, and an unchanged item emits
// nothing. Every item read must still reach the host's counts, as a record or as accepted without one.
TEST(Run, EveryPaymentItemIsCountedWhetherItsPeriodEmitsOneRecordOrNone) {
    auto script = std::make_shared<Script>();
    script->answers[kPaymentsUrl] = {{200, pageBody({paymentItem("EB-1", "2019-01"), paymentItem("EB-2", "2019-02"),
                                                     paymentItem("EB-3", "2019-03")},
                                                    "p1", false)}};
    script->answers[kParticipationsUrl] = {{200, pageBody({}, "d1", false)}};
    Drained first = drain(*scriptedRun(script), 1000);
    ASSERT_EQ(first.result.status, sdk::Status::kOk) << first.result.message;
    std::set<std::int64_t> counted;
    for (const auto& record : first.collected.records) {
        counted.insert(record.position.line);
    }
    EXPECT_EQ(counted.size(), 1u) << "one period, one record";
    for (const auto& position : first.collected.folded) {
        EXPECT_EQ(position.source, kPaymentsUrl);
        counted.insert(position.line);
    }
    EXPECT_EQ(counted, (std::set<std::int64_t>{1, 2, 3}));

    // The kommun sends EB-2 again, unchanged: no record, and still counted.
    script->answers[kPaymentsUrl + "&cursor=p1"] = {{200, pageBody({paymentItem("EB-2", "2019-02")}, "p2", false)}};
    script->answers[kParticipationsUrl + "&cursor=d1"] = {{200, pageBody({}, "d1", false)}};
    Drained second = drain(*scriptedRun(script, first.checkpoint), 1000, first.checkpoint);
    ASSERT_EQ(second.result.status, sdk::Status::kOk) << second.result.message;
    EXPECT_TRUE(second.collected.records.empty());
    ASSERT_EQ(second.collected.folded.size(), 1u);
    EXPECT_EQ(second.collected.folded[0].source, kPaymentsUrl + "&cursor=p1");
    EXPECT_EQ(second.collected.folded[0].line, 1);
}

TEST(Run, CursorsArePercentEncodedInTheQuery) {
    auto script = std::make_shared<Script>();
    Checkpoint checkpoint;
    checkpoint.cursors[kPayments] = "a b/+=&";
    const std::string url = kPaymentsUrl + "&cursor=a%20b%2F%2B%3D%26";
    script->answers[url] = {{200, pageBody({}, "a b/+=&", false)}};
    script->answers[kParticipationsUrl] = {{200, pageBody({}, "d", false)}};
    Drained out = drain(*scriptedRun(script, checkpoint.toJson()), 10);
    EXPECT_EQ(out.result.status, sdk::Status::kOk) << out.result.message;
    EXPECT_EQ(script->requested.front(), url);
}

TEST(Run, AnAnswerOfTheWrongShapeFailsThePageWithTheCheckpointUnchanged) {
    const std::string tooDeep = R"({"items":)" + std::string(1 << 20, '[');  // would overflow the stack parsed
    for (const std::string& body :
         {std::string(R"({"items":[],"has_more":false})"), std::string(R"({"items":{},"next_cursor":"x","has_more":false})"),
          std::string(R"([1,2])"), std::string(R"({"items":[)"),
          std::string(R"({"items":[],"next_cursor":"x","has_more":"no"})"), tooDeep}) {
        auto script = twoPagesAndOne();
        script->answers[kPaymentsUrl + "&cursor=p1"] = {{200, body}};
        auto run = scriptedRun(script);
        Drained out = drain(*run, 1);
        EXPECT_EQ(out.result.status, sdk::Status::kSourceUnavailable) << body.substr(0, 80);
        EXPECT_NE(out.result.message.find("is not the documented JSON shape"), std::string::npos)
            << out.result.message.substr(0, 300);
        EXPECT_EQ(Checkpoint::parse(out.checkpoint)->cursors[kPayments], "p1") << "only the good page moved it";
    }
}

// A server that says "more" forever must not hold one batch forever: a cursor that repeats fails the page, and
// endless empty pages with new cursors end each batch after 50 pages, so the run can be stopped between them.
TEST(Run, PagingThatNeverEndsFailsOrIsCutIntoBatches) {
    for (const bool cycle : {false, true}) {  // p1 -> p1, or p1 -> x -> p1
        auto repeating = twoPagesAndOne();
        repeating->answers[kPaymentsUrl + "&cursor=p1"] = {{200, pageBody({}, cycle ? "x" : "p1", true)}};
        repeating->answers[kPaymentsUrl + "&cursor=x"] = {{200, pageBody({}, "p1", true)}};
        Drained out = drain(*scriptedRun(repeating), 1000);
        EXPECT_EQ(out.result.status, sdk::Status::kSourceUnavailable) << cycle;
        EXPECT_NE(out.result.message.find("next_cursor repeats a cursor asked for"), std::string::npos)
            << out.result.message;
    }

    auto endless = std::make_shared<Script>();
    for (int i = 0; i < 200; ++i) {
        const std::string url = kPaymentsUrl + (i == 0 ? "" : "&cursor=e" + std::to_string(i));
        endless->answers[url] = {{200, pageBody({}, "e" + std::to_string(i + 1), true)}};
    }
    auto run = scriptedRun(endless);
    CollectingSink sink;
    const sdk::BatchOutcome first = run->readBatch(1000, sink);
    EXPECT_EQ(first.result.status, sdk::Status::kOk) << first.result.message;
    EXPECT_FALSE(first.drained);
    EXPECT_EQ(endless->requested.size(), 50u) << "one batch reads at most 50 pages";
    EXPECT_EQ(Checkpoint::parse(first.checkpoint)->cursors[kPayments], "e50");
}

TEST(Run, AFailureAfterGoodPagesAppliesThemAndIsReportedByTheNextBatchWithoutAskingAgain) {
    auto script = twoPagesAndOne();
    script->errors.emplace(kPaymentsUrl + "&cursor=p1",
                           FetchError(FetchError::Kind::kUnavailable, "HTTP 503 after 5 attempts"));
    auto run = scriptedRun(script);
    CollectingSink sink;
    sdk::BatchOutcome first = run->readBatch(1000, sink);
    EXPECT_EQ(first.result.status, sdk::Status::kOk);
    EXPECT_EQ(Checkpoint::parse(first.checkpoint)->cursors[kPayments], "p1");
    EXPECT_EQ(sink.collected().records.size(), 1u);
    const std::size_t asked = script->requested.size();
    sdk::BatchOutcome second = run->readBatch(1000, sink);
    EXPECT_EQ(second.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_NE(second.result.message.find("HTTP 503 after 5 attempts"), std::string::npos);
    EXPECT_NE(second.result.message.find("cursor is unchanged"), std::string::npos);
    EXPECT_EQ(second.checkpoint, first.checkpoint);
    EXPECT_EQ(script->requested.size(), asked);
}

TEST(Run, RefusedCredentialsAndTokensAreConfigurationProblems) {
    const std::pair<FetchError::Kind, const char*> cases[] = {
        {FetchError::Kind::kCredentialsRefused, "the kommun refused the client credentials"},
        {FetchError::Kind::kTokenRefused, "the kommun API refused the access token"},
        {FetchError::Kind::kTls, "TLS verification"}};
    for (const auto& [kind, says] : cases) {
        auto script = twoPagesAndOne();
        script->errors.emplace(kPaymentsUrl, FetchError(kind, "TLS verification of https://kommun.test failed"));
        Drained out = drain(*scriptedRun(script), 10);
        EXPECT_EQ(out.result.status, sdk::Status::kInvalidConfig);
        EXPECT_NE(out.result.message.find(says), std::string::npos) << out.result.message;
        EXPECT_EQ(out.checkpoint, "");
    }
}

TEST(Run, UnexpectedStatusesSayWhatAnsweredWithARedactedExcerpt) {
    auto script = twoPagesAndOne();
    script->answers[kPaymentsUrl] = {{400, R"({"error":"bad cursor for 197405049334"})"}};
    Drained out = drain(*scriptedRun(script), 10);
    EXPECT_EQ(out.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_NE(out.result.message.find("HTTP 400"), std::string::npos);
    EXPECT_TRUE(sdk::testkit::findIdentityLike(out.result.message).empty()) << out.result.message;
    script->answers.erase(kPaymentsUrl);
    out = drain(*scriptedRun(script), 10);
    EXPECT_EQ(out.result.status, sdk::Status::kInvalidConfig) << "404: the base URL is wrong";
    EXPECT_NE(out.result.message.find("check base_url"), std::string::npos);
}

TEST(Run, AnItemThatDoesNotValidateIsQuarantinedAloneWithPageUrlCursorAndId) {
    auto script = twoPagesAndOne();
    script->answers[kPaymentsUrl + "&cursor=p1"] = {
        {200, pageBody({paymentItem("EB-2", "2019-02"), paymentItem("EB-2019-000003", "2019-13"), R"("junk")",
                        paymentItem("19740504-9334", "2019-13")},
                       "p2", false)}};
    auto participation = itemWith(kParticipationItem, "start", R"("2018-02-30")");
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    participation.Accept(writer);
    script->answers[kParticipationsUrl] = {{200, pageBody({buffer.GetString()}, "d1", false)}};
    Drained out = drain(*scriptedRun(script), 1000);
    ASSERT_EQ(out.result.status, sdk::Status::kOk) << out.result.message;
    ASSERT_EQ(out.collected.problems.size(), 4u);
    const auto& month = out.collected.problems[0];
    EXPECT_EQ(month.position.source, kPaymentsUrl + "&cursor=p1");
    EXPECT_EQ(month.position.line, 2);
    EXPECT_EQ(month.field, "period");
    EXPECT_EQ(month.code, "bad_value");
    EXPECT_EQ(month.message, "payment 'EB-2019-000003': period is not a month YYYY-MM");
    EXPECT_EQ(month.entity, "ersattningsperiod");
    EXPECT_EQ(out.collected.problems[1].message, "payment at item 3: the item is not a JSON object");
    EXPECT_EQ(out.collected.problems[2].message,
              "payment (id withheld: it looks like a personnummer): period is not a month YYYY-MM");
    const auto& start = out.collected.problems[3];
    EXPECT_EQ(start.message, "participation 'KD-2018-00001': start is not a date YYYY-MM-DD");
    EXPECT_EQ(start.key, "KD-2018-00001");
    EXPECT_EQ(start.entity, "deltagande");
    HeldState held;
    held.apply(out.collected.records);
    EXPECT_EQ(held.periodsOf(kAnna), std::vector<std::string>{"2019-01-01..2019-02-28"}) << "the rest applied";
    for (const auto& problem : out.collected.problems) {
        EXPECT_TRUE(sdk::testkit::findIdentityLike(problem.raw).empty()) << problem.raw;
    }
    EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(out.collected));
}

}  // namespace
}  // namespace finsam::connectors::kommun_api::testing
