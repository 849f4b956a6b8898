// tests/partner_server/fault_test.cpp — every fault as the server shows it, and as the connectors'
// HTTP client meets it (retries, waits, a renewed token, a refused one).
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>

#include <chrono>

#include "tests/partner_server/partner_server.h"
#include "tests/partner_server/test_support/generated_data.h"
#include "tests/partner_server/test_support/partner_clients.h"
#include "tests/partner_server/test_support/raw_http.h"

namespace finsam::testing {
namespace {

using namespace std::chrono_literals;

const HeaderFields kRegionHeaders = {{"Authorization", "Bearer region-test-token"},
                                     {"Accept", "application/fhir+json"}};

// Luhn over the ten digits after the century.
bool luhnValid(const std::string& twelveDigits) {
    int sum = 0;
    for (std::size_t i = 2; i < 12; ++i) {
        int digit = twelveDigits[i] - '0';
        if ((i - 2) % 2 == 0) {
            digit *= 2;
        }
        sum += digit > 9 ? digit - 9 : digit;
    }
    return sum % 10 == 0;
}

bool parses(const std::string& body) {
    rapidjson::Document document;
    document.Parse(body.data(), body.size());
    return !document.HasParseError();
}

class FaultTest : public ::testing::Test {
protected:
    PartnerServer server_{PartnerServerOptions{.data = generatedData().dir}};

    std::string consentUrl() const { return searchUrl(server_, "Consent", std::nullopt, 50); }
    std::string episodeUrl() const { return searchUrl(server_, "EpisodeOfCare", std::nullopt, 50); }
    std::string deltagandenUrl(int limit = 50) const {
        return server_.url(std::string(kDeltagandenEndpoint) + "?limit=" + std::to_string(limit));
    }
    RawResponse regionGet(const std::string& url) { return rawRequest("GET", url, kRegionHeaders); }
    HeaderFields kommunHeaders() {
        const auto answer = rawRequest("POST", server_.tokenUrl(), {},
                                       "grant_type=client_credentials&client_id=finsam-hub"
                                       "&client_secret=kommun-test-secret",
                                       "application/x-www-form-urlencoded");
        return {{"Authorization", std::string("Bearer ") + parsed(answer.body)["access_token"].GetString()}};
    }
};

TEST_F(FaultTest, ServiceUnavailableHitsItsPathTheGivenNumberOfTimes) {
    server_.inject(FaultKind::kServiceUnavailable, "/R4/EpisodeOfCare", 2);
    EXPECT_EQ(regionGet(consentUrl()).status, 200) << "another path is not hit";
    const auto first = regionGet(episodeUrl());
    EXPECT_EQ(first.status, 503);
    EXPECT_STREQ(parsed(first.body)["resourceType"].GetString(), "OperationOutcome");
    EXPECT_EQ(regionGet(episodeUrl()).status, 503);
    EXPECT_EQ(regionGet(episodeUrl()).status, 200);
    EXPECT_EQ(server_.faultsArmed(), 0u);

    const auto applied = server_.appliedFaults();
    ASSERT_EQ(applied.size(), 2u);
    EXPECT_EQ(applied[0].kind, FaultKind::kServiceUnavailable);
    EXPECT_EQ(applied[0].target.rfind("/R4/EpisodeOfCare?", 0), 0u);

    // The connector's client retries through them, next pages included.
    server_.inject(Fault::serviceUnavailable("/R4/EpisodeOfCare", 2, 502));
    auto client = regionClient(server_);
    EXPECT_EQ(followSearch(*client, episodeUrl()).size(),
              static_cast<std::size_t>(generatedData().regionTruth["searches"][0]["pages"].GetInt()));
    EXPECT_EQ(client->timing().retries, 2);
}

TEST_F(FaultTest, ServiceUnavailableOnTheKommunApiAnswersItsJsonError) {
    const auto headers = kommunHeaders();
    server_.inject(Fault::serviceUnavailable("/api/", 1, 504));
    const auto answer = rawRequest("GET", deltagandenUrl(), headers);
    EXPECT_EQ(answer.status, 504);
    EXPECT_STREQ(parsed(answer.body)["error"].GetString(), "temporarily_unavailable");
    EXPECT_EQ(rawRequest("GET", deltagandenUrl(), headers).status, 200);
}

TEST_F(FaultTest, TooManyRequestsSaysHowLongToWaitInSecondsOrAsAnHttpDate) {
    server_.inject(Fault::tooManyRequests("/R4/Consent", 2s));
    const auto seconds = regionGet(consentUrl());
    EXPECT_EQ(seconds.status, 429);
    EXPECT_EQ(seconds.header("Retry-After"), "2");

    server_.inject(Fault::tooManyRequestsUntil("/R4/Consent", 3s));
    const auto before = std::chrono::system_clock::now();
    const auto dated = regionGet(consentUrl());
    EXPECT_EQ(dated.status, 429);
    int zone = 0;
    const auto when = Poco::DateTimeParser::parse(Poco::DateTimeFormat::HTTP_FORMAT, dated.header("Retry-After"), zone);
    const auto wait = std::chrono::system_clock::from_time_t(when.timestamp().epochTime()) - before;
    // Whole seconds: 3 s from the server's clock, read against ours.
    EXPECT_GE(wait, 1s) << dated.header("Retry-After");
    EXPECT_LE(wait, 4s) << dated.header("Retry-After");

    // The client waits what it is told (recorded, not slept) and goes on.
    server_.inject(Fault::tooManyRequests("/R4/Consent", 2s));
    auto client = regionClient(server_);
    std::vector<std::chrono::milliseconds> waits;
    client->setSleeper([&](std::chrono::milliseconds ms) { waits.push_back(ms); });
    EXPECT_EQ(client->get(consentUrl(), fhirHeaders()).status, 200);
    EXPECT_EQ(waits, std::vector<std::chrono::milliseconds>{2000ms});
}

TEST_F(FaultTest, TokensExpiringMidRunAreRenewedOnceAndTheRunGoesOn) {
    // The third page's request finds its token revoked.
    server_.inject(Fault::expireTokens(std::string(kUtbetalningarEndpoint)).afterRequests(2));
    auto client = kommunClient(server_);
    const KommunRun run = drainKommun(*client, server_, kUtbetalningarEndpoint, 500);
    EXPECT_EQ(static_cast<std::int64_t>(run.ids.size()),
              generatedData().kommunTruth["endpoints"][0]["items"].GetInt64());
    EXPECT_EQ(server_.tokensIssued(), 2);
    EXPECT_EQ(server_.requestCount(kUtbetalningarEndpoint), static_cast<std::size_t>(run.pages) + 1);

    // And on demand: the old token is refused at once, a fresh one works.
    const auto headers = kommunHeaders();
    EXPECT_EQ(rawRequest("GET", deltagandenUrl(), headers).status, 200);
    server_.expireTokens();
    EXPECT_EQ(rawRequest("GET", deltagandenUrl(), headers).status, 401);
    EXPECT_EQ(rawRequest("GET", deltagandenUrl(), kommunHeaders()).status, 200);
}

TEST_F(FaultTest, AlwaysUnauthorizedFailsTheClientAtItsSecond401) {
    server_.inject(Fault::unauthorized(std::string(kDeltagandenEndpoint), Fault::kForever));
    auto client = kommunClient(server_);
    try {
        client->get(deltagandenUrl());
        ADD_FAILURE() << "a second 401 must fail the run";
    } catch (const http::HttpError& error) {
        EXPECT_EQ(error.kind(), http::FailureKind::kAuthRefused);
    }
    EXPECT_EQ(server_.requestCount(kDeltagandenEndpoint), 2u);
    EXPECT_EQ(server_.tokensIssued(), 2);
    EXPECT_EQ(server_.faultsArmed(), 1u) << "a fault for ever stays armed";

    server_.inject(Fault::unauthorized("/R4", Fault::kForever));
    auto region = regionClient(server_);
    EXPECT_THROW(region->get(consentUrl(), fhirHeaders()), http::HttpError);
    server_.clearFaults();
    EXPECT_EQ(region->get(consentUrl(), fhirHeaders()).status, 200);
}

TEST_F(FaultTest, InvalidJsonSpoilsOnePage) {
    server_.inject(FaultKind::kInvalidJson, "/R4/Consent");
    const auto spoiled = regionGet(consentUrl());
    EXPECT_EQ(spoiled.status, 200);
    EXPECT_FALSE(parses(spoiled.body));
    EXPECT_TRUE(parses(regionGet(consentUrl()).body));

    server_.inject(FaultKind::kInvalidJson, "/api/");
    const auto headers = kommunHeaders();
    EXPECT_FALSE(parses(rawRequest("GET", deltagandenUrl(), headers).body));
    EXPECT_TRUE(parses(rawRequest("GET", deltagandenUrl(), headers).body));
}

TEST_F(FaultTest, WrongShapeServesValidJsonThatIsNotTheDocumentedAnswer) {
    server_.inject(FaultKind::kWrongShape, "/R4/");
    const auto notABundle = parsed(regionGet(consentUrl()).body);
    EXPECT_STREQ(notABundle["resourceType"].GetString(), "OperationOutcome");

    const auto headers = kommunHeaders();
    server_.inject(FaultKind::kWrongShape, "/api/");
    const auto page = parsed(rawRequest("GET", deltagandenUrl(), headers).body);
    EXPECT_FALSE(page.HasMember("items"));

    server_.inject(FaultKind::kWrongShape, "/oauth2/token");
    auto client = kommunClient(server_);
    try {
        client->get(deltagandenUrl());
        ADD_FAILURE() << "a token answer without access_token cannot be used";
    } catch (const http::HttpError& error) {
        EXPECT_EQ(error.kind(), http::FailureKind::kServerError);
    }
}

TEST_F(FaultTest, UnknownResourceTypeAddsOneForeignEntry) {
    server_.inject(FaultKind::kUnknownResourceType, "/R4/Consent");
    const auto bundle = parsed(regionGet(consentUrl()).body);
    int observations = 0;
    for (const auto& entry : bundle["entry"].GetArray()) {
        observations += std::string(entry["resource"]["resourceType"].GetString()) == "Observation" ? 1 : 0;
    }
    EXPECT_EQ(observations, 1);
    EXPECT_EQ(entryIds(bundle, "match").size(), 51u) << "the 50 real matches stay";
}

TEST_F(FaultTest, BadIdentifierBreaksOnePersonnummersCheckDigit) {
    server_.inject(FaultKind::kBadIdentifier, "/R4/EpisodeOfCare");
    const auto bundle = parsed(regionGet(episodeUrl()).body);
    int broken = 0;
    for (const auto& entry : bundle["entry"].GetArray()) {
        const auto& resource = entry["resource"];
        if (std::string(resource["resourceType"].GetString()) != "Patient") {
            continue;
        }
        for (const auto& identifier : resource["identifier"].GetArray()) {
            const std::string system = identifier["system"].GetString();
            if (system == "urn:oid:1.2.752.129.2.1.3.1" && !luhnValid(identifier["value"].GetString())) {
                ++broken;
                EXPECT_EQ(server_.appliedFaults().back().detail,
                          std::string("Patient/") + resource["id"].GetString() + ": personnummer check digit changed");
            }
        }
    }
    EXPECT_EQ(broken, 1);

    server_.inject(FaultKind::kBadIdentifier, "/api/");
    const auto page = parsed(rawRequest("GET", deltagandenUrl(), kommunHeaders()).body);
    int brokenItems = 0;
    for (const auto& item : page["items"].GetArray()) {
        brokenItems += item["personnummer"].IsString() && !luhnValid(item["personnummer"].GetString()) ? 1 : 0;
    }
    EXPECT_EQ(brokenItems, 1);
}

TEST_F(FaultTest, MissingFieldRemovesItFromTheFirstMatchOrItem) {
    server_.inject(Fault::malformed(FaultKind::kMissingField, "/R4/EpisodeOfCare"));
    const auto bundle = parsed(regionGet(episodeUrl()).body);
    EXPECT_FALSE(bundle["entry"][0]["resource"].HasMember("patient")) << "missing patient by default";
    EXPECT_TRUE(bundle["entry"][1]["resource"].HasMember("patient"));

    const auto headers = kommunHeaders();
    server_.inject(FaultKind::kMissingField, "/api/");
    server_.inject(Fault::missingField("/api/", "andrad").afterRequests(1));
    const auto withoutId = parsed(rawRequest("GET", deltagandenUrl(), headers).body);
    EXPECT_FALSE(withoutId["items"][0].HasMember("id"));
    const auto withoutAndrad = parsed(rawRequest("GET", deltagandenUrl(), headers).body);
    EXPECT_FALSE(withoutAndrad["items"][0].HasMember("andrad"));
    EXPECT_TRUE(withoutAndrad["items"][0].HasMember("id"));
}

TEST_F(FaultTest, BodyFaultsWaitForAnAnswerTheyCanSpoil) {
    const auto headers = kommunHeaders();
    auto client = kommunClient(server_);
    const KommunRun run = drainKommun(*client, server_, kDeltagandenEndpoint, 1000);
    server_.inject(FaultKind::kMissingField, "/api/");
    EXPECT_EQ(rawRequest("GET", deltagandenUrl(), {}).status, 401) << "an error answer is not spoiled";
    const auto empty = rawRequest("GET", deltagandenUrl() + "&cursor=" + run.cursor, headers);
    EXPECT_TRUE(parses(empty.body));
    EXPECT_EQ(server_.faultsArmed(), 1u) << "an empty page has no item to spoil";
    EXPECT_FALSE(parsed(rawRequest("GET", deltagandenUrl(), headers).body)["items"][0].HasMember("id"));
}

TEST_F(FaultTest, ASlowAnswerComesLateAndAClientThatGivesUpRetries) {
    server_.inject(Fault::slow("/R4/Consent", 300ms));
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(regionGet(consentUrl()).status, 200);
    EXPECT_GE(std::chrono::steady_clock::now() - start, 300ms);

    server_.inject(Fault::slow("/R4/Consent", 10s));
    auto options = fastClientOptions(server_);
    options.timeout = 500ms;
    auto client = regionClient(server_, options);
    const auto retried = std::chrono::steady_clock::now();
    EXPECT_EQ(client->get(consentUrl(), fhirHeaders()).status, 200);
    EXPECT_LT(std::chrono::steady_clock::now() - retried, 3s);
    EXPECT_EQ(client->timing().retries, 1);
}

TEST_F(FaultTest, ADroppedConnectionGetsNoAnswerAndIsRetried) {
    server_.inject(Fault::drop("/R4/Consent"));
    EXPECT_THROW(regionGet(consentUrl()), Poco::Exception);
    EXPECT_EQ(regionGet(consentUrl()).status, 200);

    server_.inject(Fault::drop("/R4/Consent"));
    auto client = regionClient(server_);
    EXPECT_EQ(client->get(consentUrl(), fhirHeaders()).status, 200);
    EXPECT_EQ(client->timing().retries, 1);

    server_.inject(Fault::drop("/R4/Consent"));
    auto options = fastClientOptions(server_);
    options.retry.maxAttempts = 1;
    try {
        regionClient(server_, options)->get(consentUrl(), fhirHeaders());
        ADD_FAILURE() << "a dropped connection is a network failure";
    } catch (const http::HttpError& error) {
        EXPECT_EQ(error.kind(), http::FailureKind::kNetwork);
    }
}

TEST_F(FaultTest, ABodyCutShortIsRetried) {
    server_.inject(Fault::cutBody("/R4/Consent"));
    auto client = regionClient(server_);
    const auto response = client->get(consentUrl(), fhirHeaders());
    EXPECT_EQ(response.status, 200);
    EXPECT_TRUE(parses(response.body));
    EXPECT_EQ(client->timing().retries, 1);
    EXPECT_EQ(server_.appliedFaults().front().kind, FaultKind::kCutBody);
}

TEST_F(FaultTest, AFaultCanHitTheNthRequestOfAnyPath) {
    server_.inject(Fault::serviceUnavailable("").afterRequests(2));
    EXPECT_EQ(regionGet(consentUrl()).status, 200);
    EXPECT_EQ(rawRequest("GET", deltagandenUrl()).status, 401);
    EXPECT_EQ(regionGet(episodeUrl()).status, 503);
    EXPECT_EQ(regionGet(episodeUrl()).status, 200);
}

TEST(FaultSpec, ReadsTheCommandLineForm) {
    const Fault unavailable = parseFaultSpec("service-unavailable,path=/R4/EpisodeOfCare,times=2,status=502");
    EXPECT_EQ(unavailable.kind, FaultKind::kServiceUnavailable);
    EXPECT_EQ(unavailable.pathPrefix, "/R4/EpisodeOfCare");
    EXPECT_EQ(unavailable.times, 2);
    EXPECT_EQ(unavailable.status, 502);

    const Fault busy = parseFaultSpec("too-many-requests,retry-after=7,date,after=3");
    EXPECT_EQ(busy.retryAfter, std::chrono::seconds(7));
    EXPECT_TRUE(busy.retryAfterAsDate);
    EXPECT_EQ(busy.after, 3);
    EXPECT_EQ(parseFaultSpec("too-many-requests").retryAfter, std::chrono::seconds(1));

    EXPECT_EQ(parseFaultSpec("unauthorized,times=forever").times, Fault::kForever);
    EXPECT_EQ(parseFaultSpec("slow,delay-ms=250").delay, std::chrono::milliseconds(250));
    EXPECT_EQ(parseFaultSpec("missing-patient").field, "patient");
    EXPECT_EQ(parseFaultSpec("not-a-bundle").kind, FaultKind::kWrongShape);
    EXPECT_EQ(parseFaultSpec("missing-field,field=andrad").field, "andrad");
    for (const auto& [kind, name] : std::vector<std::pair<FaultKind, std::string>>{
             {FaultKind::kDrop, "drop"}, {FaultKind::kCutBody, "cut-body"}, {FaultKind::kExpireTokens, "expire-tokens"},
             {FaultKind::kInvalidJson, "invalid-json"}, {FaultKind::kUnknownResourceType, "unknown-resource-type"},
             {FaultKind::kBadIdentifier, "bad-identifier"}}) {
        EXPECT_EQ(parseFaultSpec(name).kind, kind) << name;
        EXPECT_EQ(faultName(kind), name);
    }
    for (const char* bad : {"", "explode", "drop,times=0", "drop,times=x", "drop,colour=red", "slow,delay-ms",
                            "service-unavailable,status=404"}) {
        EXPECT_THROW(parseFaultSpec(bad), std::invalid_argument) << bad;
    }
}

}  // namespace
}  // namespace finsam::testing
