// connectors/kommun-api/tests/http/kommun_api_faults_test.cpp — kommun-api.md "Failure handling" over real
// HTTP: refused credentials, expiring tokens, 5xx and 429, broken pages and items, TLS.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "checkpoint.h"
#include "http/partner_fixture.h"
#include "identity_scan.h"
#include "tests/support/test_certificates.h"

namespace finsam::connectors::kommun_api::testing {
namespace {

using finsam::testing::Fault;
using finsam::testing::FaultKind;
using finsam::testing::kDeltagandenEndpoint;
using finsam::testing::kUtbetalningarEndpoint;

const std::string kPaymentsPath(kUtbetalningarEndpoint);
const std::string kParticipationsPath(kDeltagandenEndpoint);

bool says(const sdk::Result& result, const std::string& text) {
    return result.message.find(text) != std::string::npos;
}

class KommunApiFaults : public PartnerFixture {
protected:
    void expectWholeTruth(const sdk::testkit::DrainOutcome& outcome, const HeldState& start = {}) {
        ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
        const Tally got = tally(heldAfter(outcome.collected, start), outcome.checkpoint);
        const Tally truth = truthTally();
        EXPECT_EQ(got.paymentsInForce, truth.paymentsInForce);
        EXPECT_EQ(got.periods, truth.periods);
        EXPECT_EQ(got.persons, truth.persons);
        EXPECT_EQ(got.participations, truth.participations);
    }
};

TEST_F(KommunApiFaults, AWrongClientSecretIsRefusedCredentialsWithNothingRead) {
    std::ofstream(config.path() / "client-secret") << "not-the-secret\n";
    auto outcome = drain();
    EXPECT_EQ(outcome.result.status, sdk::Status::kInvalidConfig);
    EXPECT_TRUE(says(outcome.result, "the kommun refused the client credentials")) << outcome.result.message;
    EXPECT_FALSE(says(outcome.result, "not-the-secret"));
    EXPECT_EQ(outcome.checkpoint, "");
    EXPECT_TRUE(outcome.collected.records.empty());
    EXPECT_EQ(server->requestCount(kPaymentsPath), 0u);
}

TEST_F(KommunApiFaults, AScopeTheClientMayNotHaveIsRefusedCredentials) {
    auto outcome = drain("", 1000, R"("scope":"finsam.write")");
    EXPECT_EQ(outcome.result.status, sdk::Status::kInvalidConfig);
    EXPECT_TRUE(says(outcome.result, "the kommun refused the client credentials")) << outcome.result.message;
}

TEST_F(KommunApiFaults, TokensThatExpireMidRunAreRenewedOnceAndTheRunGoesOn) {
    server->inject(Fault::expireTokens(kPaymentsPath, 1).afterRequests(3));
    server->inject(Fault::expireTokens(kParticipationsPath, 1));
    auto outcome = drain("", 100);
    expectWholeTruth(outcome);
    EXPECT_GE(server->tokensIssued(), 3);
}

TEST_F(KommunApiFaults, ATokenRefusedAfterRenewalFailsTheRunWithTheCheckpointKept) {
    auto first = drain("", 100, "", 2);  // two batches in
    ASSERT_EQ(first.result.message.rfind("not drained", 0), 0u) << first.result.message;
    server->inject(Fault::unauthorized(kPaymentsPath, Fault::kForever));
    auto second = drain(first.checkpoint, 100);
    EXPECT_EQ(second.result.status, sdk::Status::kInvalidConfig);
    EXPECT_TRUE(says(second.result, "refused the access token")) << second.result.message;
    EXPECT_EQ(second.checkpoint, first.checkpoint);
    EXPECT_TRUE(sdk::testkit::findIdentityLike(second.result.message).empty());
}

TEST_F(KommunApiFaults, ServerErrorsAreRetriedAndTheReadEndsInTheTruth) {
    server->inject(Fault::serviceUnavailable(kPaymentsPath, 2).afterRequests(1));
    server->inject(Fault::drop(kParticipationsPath, 1));
    server->inject(Fault::cutBody(kPaymentsPath, 1).afterRequests(5));
    expectWholeTruth(drain());
    EXPECT_EQ(server->faultsArmed(), 0u);
}

TEST_F(KommunApiFaults, AServerThatStaysDownFailsTheRunAndTheNextRunResumesFromTheLastCommittedPage) {
    server->inject(Fault::serviceUnavailable(kPaymentsPath, Fault::kForever).afterRequests(4));
    auto failed = drain("", 100);
    EXPECT_EQ(failed.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_TRUE(says(failed.result, "could not be read")) << failed.result.message;
    EXPECT_TRUE(says(failed.result, "cursor is unchanged"));
    auto stopped = Checkpoint::parse(failed.checkpoint);
    ASSERT_TRUE(stopped);
    EXPECT_TRUE(stopped->cursors[kommun_api::kPayments]) << "the pages before the outage are committed";
    server->clearFaults();
    expectWholeTruth(drain(failed.checkpoint, 100), heldAfter(failed.collected));
}

TEST_F(KommunApiFaults, TooManyRequestsWaitsWhatRetryAfterSays) {
    server->inject(Fault::tooManyRequests(kPaymentsPath, std::chrono::seconds(1), 1).afterRequests(2));
    const auto started = std::chrono::steady_clock::now();
    expectWholeTruth(drain());
    EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(900));
}

TEST_F(KommunApiFaults, ARetryAfterLongerThanAllowedFailsTheRunAtOnce) {
    server->inject(Fault::tooManyRequests(kPaymentsPath, std::chrono::seconds(600), 1));
    retries = R"({"max_attempts":3,"base_delay_ms":1,"max_retry_after_seconds":5})";
    const auto started = std::chrono::steady_clock::now();
    auto outcome = drain();
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5)) << "no waiting";
    EXPECT_EQ(outcome.result.status, sdk::Status::kSourceUnavailable) << outcome.result.message;
}

TEST_F(KommunApiFaults, APageOfTheWrongShapeFailsWithItsCursorUnchanged) {
    for (FaultKind kind : {FaultKind::kWrongShape, FaultKind::kInvalidJson}) {
        server->clearFaults();
        server->inject(Fault::malformed(kind, kPaymentsPath, 1).afterRequests(2));
        auto failed = drain("", 100);
        EXPECT_EQ(failed.result.status, sdk::Status::kSourceUnavailable);
        EXPECT_TRUE(says(failed.result, "is not the documented JSON shape")) << failed.result.message;
        auto resumed = drain(failed.checkpoint, 100);
        expectWholeTruth(resumed, heldAfter(failed.collected));
    }
}

TEST_F(KommunApiFaults, AnItemThatDoesNotValidateIsQuarantinedAloneAndTheRestApplied) {
    server->inject(Fault::malformed(FaultKind::kBadIdentifier, kPaymentsPath, 1).afterRequests(1));
    server->inject(Fault::missingField(kParticipationsPath, "id", 1));
    auto outcome = drain("", 100);
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    ASSERT_EQ(outcome.collected.problems.size(), 2u);
    const auto& payment = outcome.collected.problems[0];
    EXPECT_EQ(payment.code, "invalid_personnummer");
    EXPECT_EQ(payment.position.line, 1);
    EXPECT_NE(payment.position.source.find(kPaymentsPath + "?limit=100&cursor="), std::string::npos)
        << payment.position.source;
    EXPECT_EQ(payment.message.rfind("payment 'EB-", 0), 0u) << payment.message;
    const auto& participation = outcome.collected.problems[1];
    EXPECT_EQ(participation.message, "participation at item 1: id is missing");
    EXPECT_EQ(participation.position.source, server->kommunBaseUrl() + kParticipationsPath + "?limit=100");
    EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(outcome.collected));
    for (const auto& problem : outcome.collected.problems) {
        EXPECT_TRUE(sdk::testkit::findIdentityLike(problem.raw).empty()) << problem.raw;
    }
    const Tally got = tally(heldAfter(outcome.collected), outcome.checkpoint);
    EXPECT_EQ(got.participations, truthTally().participations) << "its later item (the end) still brings it";
    EXPECT_LE(std::abs(got.periods - truthTally().periods), 2) << "one missing month splits or ends two at most";
}

class KommunApiTls : public ::testing::Test {};

TEST_F(KommunApiTls, HttpsWithTheKommunsCaWorksAndWithoutItIsATlsFailure) {
    const auto& pki = finsam::testing::testCertificates();
    finsam::testing::PartnerServerOptions options;
    options.data = generatedKommun().dir;
    options.tls = pki.serverFiles();
    finsam::testing::PartnerServer server(options);
    sdk::testkit::TempDir config;
    sdk::testkit::writeSecretFile(config.path() / "secret", options.clientSecret);
    sdk::testkit::writeSecretFile(config.path() / "join.key", std::string(40, 'j'));
    ::setenv("KOMMUN_API_TLS_CLIENT_ID", options.clientId.c_str(), 1);
    auto settings = [&](const std::string& tls) {
        return R"({"base_url":")" + server.kommunBaseUrl() +
               R"(","client_id":{"env":"KOMMUN_API_TLS_CLIENT_ID"},"client_secret":{"file":"secret"},)"
               R"("join_key":{"file":"join.key"},"retries":{"max_attempts":1},"tls":)" + tls + "}";
    };
    KommunApiConnector connector;
    const sdk::Context context{"kommun", "kommun-0180", config.path().string(), nullptr};
    auto trust = [](const std::string& caFile) { return R"({"ca_file":")" + caFile + R"("})"; };
    auto trusted = sdk::testkit::runToDrain(connector, settings(trust(pki.caFile)), "", context);
    EXPECT_EQ(trusted.result.status, sdk::Status::kOk) << trusted.result.message;
    auto other = sdk::testkit::runToDrain(connector, settings(trust(pki.otherCaFile)), "", context);
    EXPECT_EQ(other.result.status, sdk::Status::kInvalidConfig);
    EXPECT_TRUE(says(other.result, "TLS")) << other.result.message;
}

}  // namespace
}  // namespace finsam::connectors::kommun_api::testing
