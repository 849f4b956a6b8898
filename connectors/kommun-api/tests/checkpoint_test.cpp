// connectors/kommun-api/tests/checkpoint_test.cpp — the checkpoint text, the ledger codec and its size at the
// scale of a large kommun.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "checkpoint.h"
#include "identity_scan.h"
#include "kommun_api_run.h"
#include "ledger_codec.h"
#include "support/join_harness.h"

namespace finsam::connectors::kommun_api::testing {
namespace {

TEST(Checkpoint, EmptyTextIsTheStartAndRoundTrips) {
    auto empty = Checkpoint::parse("");
    ASSERT_TRUE(empty);
    EXPECT_FALSE(empty->cursors[kPayments]);
    Checkpoint checkpoint;
    checkpoint.keyCheck = "0123456789abcdef";
    checkpoint.cursors[kPayments] = "a4a8553c a/+=";
    checkpoint.ledger = "eJwLdA==";
    const std::string text = checkpoint.toJson();
    EXPECT_EQ(text, R"({"v":1,"key_check":"0123456789abcdef","cursors":{"utbetalningar":"a4a8553c a/+=",)"
                    R"("deltaganden":null},"ledger":"eJwLdA=="})");
    auto back = Checkpoint::parse(text);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->toJson(), text);
}

TEST(Checkpoint, TextOfAnotherConnectorOrVersionIsRefused) {
    for (const char* text : {"{", "[]", R"({"v":2,"key_check":"","cursors":{},"ledger":""})", R"({"drop":"x"})",
                             R"({"v":1,"key_check":"","cursors":{"utbetalningar":1},"ledger":""})"}) {
        EXPECT_FALSE(Checkpoint::parse(text)) << text;
    }
}

TEST(LedgerCodec, RoundTripsDeterministicallyWithFlagsRolesAndSharedMonths) {
    JoinHarness join;
    join.batch({payment("EB-2019-000001", kAnna, "2019-01", "utbetald", kBo),
                payment("EB-2019-000002", kAnna, "2019-02", "utbetald", kBo, true),
                payment("EB-2019-000103", kBo, "2019-02"), payment("X", kCilla, "2031-12")});
    const std::string text = encodeLedger(join.ledger());
    auto back = decodeLedger(text);
    ASSERT_TRUE(back);
    EXPECT_EQ(encodeLedger(*back), text);
    EXPECT_EQ(back->paymentCount(), join.ledger().paymentCount());
    ASSERT_EQ(back->persons().size(), 3u);
    for (const auto& [token, person] : join.ledger().persons()) {
        const PersonMonths* restored = back->person(token);
        ASSERT_NE(restored, nullptr);
        EXPECT_EQ(restored->months, person.months);
        EXPECT_EQ(restored->skyddad, person.skyddad);
    }
    EXPECT_TRUE(sdk::testkit::findIdentityLike(text).empty());
    EXPECT_EQ(encodeLedger(PaymentLedger{}), "");
    EXPECT_TRUE(decodeLedger(""));
}

TEST(LedgerCodec, DamagedTextIsRefused) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01")});
    const std::string text = encodeLedger(join.ledger());
    EXPECT_FALSE(decodeLedger(text.substr(0, text.size() / 2)));
    EXPECT_FALSE(decodeLedger("not base64 at all!"));
    EXPECT_FALSE(decodeLedger("S0wx"));  // "KL1": the magic, then nothing
}

// 20 000 persons with 30 paid months each (600 000 payments; a tenth also pay a co-applicant): the ledger
// of a large kommun over some years. The checkpoint stays a few MB at most: about 1.5 bytes a payment.
TEST(LedgerCodec, ALargeKommunsLedgerStaysCompact) {
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    PaymentLedger ledger;
    PersonTokens tokens(kJoinKey);
    int serial = 0;
    for (int person = 0; person < 20000; ++person) {
        char number[16];
        std::snprintf(number, sizeof number, "P%011d", person);  // tokens only: any text will do here
        const PersonToken applicant = tokens.of(number);
        std::optional<PersonToken> co;
        if (person % 10 == 0) {
            co = tokens.of(std::string(number) + "m");
        }
        for (int month = 0; month < 30; ++month) {
            Payment p;
            char id[32];
            ++serial;
            std::snprintf(id, sizeof id, "EB-%04d-%06d", 2015 + serial / 100000, serial % 100000);
            p.id = id;
            p.month = 2015 * 12 + (person % 48) + month;
            ledger.apply(p, applicant, co);
        }
    }
    const auto applied = Clock::now();
    const std::string text = encodeLedger(ledger);
    const auto encoded = Clock::now();
    const auto decoded = decodeLedger(text);
    const auto done = Clock::now();
    auto ms = [](auto from, auto to) {
        return static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count());
    };
    std::printf("[ size     ] %zu payments in force, %zu persons: ledger text %zu bytes; apply %lld ms, "
                "encode %lld ms, decode %lld ms\n",
                ledger.paymentCount(), ledger.persons().size(), text.size(), ms(started, applied), ms(applied, encoded),
                ms(encoded, done));
    EXPECT_LT(text.size(), 3u * 1024 * 1024);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->paymentCount(), 600000u);
}

TEST(OpenRun, ACheckpointMadeUnderAnotherJoinKeyIsRefused) {
    JoinHarness join;
    join.batch({payment("EB-1", kAnna, "2019-01")});
    Checkpoint checkpoint;
    checkpoint.keyCheck = PersonTokens(kJoinKey).keyCheck();
    checkpoint.ledger = encodeLedger(join.ledger());
    Settings settings;
    settings.baseUrl = "https://kommun.test";
    sdk::Result error;
    EXPECT_TRUE(openRun(settings, checkpoint.toJson(), kJoinKey, nullptr, error)) << error.message;
    EXPECT_FALSE(openRun(settings, checkpoint.toJson(), std::string(32, 'x'), nullptr, error));
    EXPECT_EQ(error.status, sdk::Status::kInvalidConfig);
    EXPECT_NE(error.message.find("/join_key is not the key"), std::string::npos) << error.message;
    EXPECT_FALSE(openRun(settings, "{}", kJoinKey, nullptr, error));
    EXPECT_NE(error.message.find("not a kommun-api checkpoint"), std::string::npos);
    EXPECT_FALSE(openRun(settings, "", "too short", nullptr, error));
    EXPECT_NE(error.message.find("at least 32 bytes"), std::string::npos);
}

}  // namespace
}  // namespace finsam::connectors::kommun_api::testing
