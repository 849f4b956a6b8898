// connectors/kommun-api/tests/http/kommun_api_e2e_test.cpp — the whole connector over real HTTP against the
// partner test server, compared with finsam-gen's truth (DIR/truth/kommun.json `final`).
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "checkpoint.h"
#include "http/partner_fixture.h"
#include "identity_scan.h"

namespace finsam::connectors::kommun_api::testing {
namespace {

using finsam::testing::kDeltagandenEndpoint;
using finsam::testing::kUtbetalningarEndpoint;

void expectTruth(const Tally& got, const Tally& truth) {
    EXPECT_EQ(got.paymentsInForce, truth.paymentsInForce) << "payments in force";
    EXPECT_EQ(got.persons, truth.persons) << "persons with försörjningsstöd (applicants and co-applicants)";
    EXPECT_EQ(got.periods, truth.periods) << "periods of consecutive months";
    EXPECT_EQ(got.ongoing, truth.ongoing) << "periods reaching the last month";
    EXPECT_EQ(got.participations, truth.participations);
    EXPECT_EQ(got.ended, truth.ended);
    EXPECT_EQ(got.anonymous, truth.anonymous);
    EXPECT_EQ(got.protectedItems, truth.protectedItems);
}

class KommunApiE2E : public PartnerFixture {};

TEST_F(KommunApiE2E, AFullReadEndsInTheTruth) {
    auto outcome = drain();
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    EXPECT_TRUE(outcome.collected.problems.empty()) << outcome.collected.problems.front().message;
    const HeldState held = heldAfter(outcome.collected);
    expectTruth(tally(held, outcome.checkpoint), truthTally());
    EXPECT_GT(server->requestCount("/oauth2/token"), 0u);
    EXPECT_EQ(server->requestCount("/oauth2/token"), 1u) << "one token for the run";
    EXPECT_LE(server->loopback().connectionCount(), 3) << "the connection is reused";
}

TEST_F(KommunApiE2E, NoNumberLeavesTheConnectorInRawTextKeysOrMessages) {
    auto outcome = drain();
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(outcome.collected));
    for (const auto& record : outcome.collected.records) {
        ASSERT_TRUE(sdk::testkit::findIdentityLike(record.raw).empty()) << record.key << ": " << record.raw;
        ASSERT_TRUE(sdk::testkit::findIdentityLike(record.key).empty()) << record.key;
    }
    EXPECT_TRUE(sdk::testkit::findIdentityLike(outcome.checkpoint).empty());
}

TEST_F(KommunApiE2E, ReadingAgainFromTheCheckpointWritesNothing) {
    auto first = drain();
    ASSERT_EQ(first.result.status, sdk::Status::kOk) << first.result.message;
    server->clearLog();
    auto again = drain(first.checkpoint);
    ASSERT_EQ(again.result.status, sdk::Status::kOk) << again.result.message;
    EXPECT_TRUE(again.collected.records.empty());
    EXPECT_EQ(again.checkpoint, first.checkpoint);
    EXPECT_EQ(server->requestCount(std::string(kUtbetalningarEndpoint)), 1u) << "one empty page per endpoint";
    EXPECT_EQ(server->requestCount(std::string(kDeltagandenEndpoint)), 1u);
}

TEST_F(KommunApiE2E, ACrashAfterAnyBatchEndsAsAnUninterruptedRead) {
    auto whole = drain("", 100);
    ASSERT_EQ(whole.result.status, sdk::Status::kOk) << whole.result.message;
    auto pieces = drainReopeningEveryBatch(100);
    ASSERT_EQ(pieces.result.status, sdk::Status::kOk) << pieces.result.message;
    EXPECT_GT(pieces.batches, 40u);
    const HeldState a = heldAfter(whole.collected);
    const HeldState b = heldAfter(pieces.collected);
    for (const char* entity : {"ersattningsperiod", "deltagande"}) {
        ASSERT_EQ(a.of(entity).size(), b.of(entity).size()) << entity;
        for (const auto& [key, record] : a.of(entity)) {
            auto other = b.of(entity).find(key);
            ASSERT_NE(other, b.of(entity).end()) << key;
            EXPECT_EQ(record.fields.size(), other->second.fields.size()) << key;
            EXPECT_EQ(fieldOf(record, "tom_datum"), fieldOf(other->second, "tom_datum")) << key;
        }
    }
    EXPECT_EQ(pieces.checkpoint, whole.checkpoint) << "the same state, byte for byte";
    expectTruth(tally(b, pieces.checkpoint), truthTally());
}

TEST_F(KommunApiE2E, TheNextRunGetsOnlyNewerChanges) {
    auto first = drain();
    ASSERT_EQ(first.result.status, sdk::Status::kOk) << first.result.message;
    const HeldState before = heldAfter(first.collected);
    // A period the first run holds: cancel its last month, and end an ongoing participation.
    const sdk::Record* period = nullptr;
    for (const auto& [key, record] : before.of("ersattningsperiod")) {
        const bool severalMonths =
            fieldOf(record, "from_datum").substr(0, 7) != fieldOf(record, "tom_datum").substr(0, 7);
        const bool applicantOnly = record.raw.find("/medsokande") == std::string::npos;
        if (fieldOf(record, "skyddad").empty() && severalMonths && applicantOnly) {
            period = &record;
            break;
        }
    }
    ASSERT_NE(period, nullptr);
    const std::string number = fieldOf(*period, "personnummer");
    const std::string lastMonth = fieldOf(*period, "tom_datum").substr(0, 7);
    // raw: {"from":…,"to":…,"payments":[…,"EB-…"]}: the last id pays the last month.
    const std::size_t at = period->raw.rfind("\"EB-") + 1;
    const std::string lastPayment = period->raw.substr(at, period->raw.find('"', at) - at);
    server->appendKommunItem(kUtbetalningarEndpoint,
                             R"({"id":")" + lastPayment + R"(","personnummer":")" + number +
                                 R"(","medsokande_personnummer":null,"hushall_id":"HH-X","period":")" + lastMonth +
                                 R"(","belopp_kr":100,"stadsdel":null,"status":"makulerad","skyddad":false,)"
                                 R"("andrad":"2021-01-10T10:00:00+01:00"})");
    server->clearLog();
    auto second = drain(first.checkpoint);
    ASSERT_EQ(second.result.status, sdk::Status::kOk) << second.result.message;
    ASSERT_EQ(second.collected.records.size(), 1u) << "only the period that changed";
    EXPECT_EQ(second.collected.records[0].key, period->key);
    EXPECT_LT(fieldOf(second.collected.records[0], "tom_datum"), fieldOf(*period, "tom_datum"));
    EXPECT_EQ(server->requestCount(std::string(kUtbetalningarEndpoint)), 1u);
    // And the two runs end where one read of the whole log ends.
    auto fresh = drain();
    const HeldState incremental = heldAfter(second.collected, before);
    const HeldState whole = heldAfter(fresh.collected);
    EXPECT_EQ(incremental.of("ersattningsperiod").size(), whole.of("ersattningsperiod").size());
    EXPECT_EQ(fieldOf(incremental.of("ersattningsperiod").at(period->key), "tom_datum"),
              fieldOf(whole.of("ersattningsperiod").at(period->key), "tom_datum"));
}

}  // namespace
}  // namespace finsam::connectors::kommun_api::testing
