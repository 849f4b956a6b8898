// tests/partner_server/kommun_api_test.cpp — the kommun's token endpoint and change logs as a connector
// uses them: client credentials, paging by limit and cursor, the end of the log, items added later.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <thread>

#include "tests/partner_server/json_text.h"
#include "tests/partner_server/partner_server.h"
#include "tests/partner_server/test_support/generated_data.h"
#include "tests/partner_server/test_support/partner_clients.h"
#include "tests/partner_server/test_support/raw_http.h"

namespace finsam::testing {
namespace {

const std::string_view kEndpoints[] = {kUtbetalningarEndpoint, kDeltagandenEndpoint};

const rapidjson::Value& truthOf(std::string_view endpoint) {
    for (const auto& entry : generatedData().kommunTruth["endpoints"].GetArray()) {
        if (endpoint == entry["endpoint"].GetString()) {
            return entry;
        }
    }
    throw std::logic_error("no truth for endpoint");
}

std::vector<std::string> generatorItemIds(std::string_view endpoint) {
    std::vector<std::string> ids;
    for (const auto& page : generatorPages(generatedData().dir / "kommun" / endpoint.substr(1))) {
        for (const auto& item : page["items"].GetArray()) {
            ids.emplace_back(item["id"].GetString());
        }
    }
    return ids;
}

RawResponse requestToken(const PartnerServer& server, const std::string& form, const HeaderFields& headers = {}) {
    return rawRequest("POST", server.tokenUrl(), headers, form, "application/x-www-form-urlencoded");
}

std::string tokenFrom(const RawResponse& response) { return parsed(response.body)["access_token"].GetString(); }

const std::string kGoodForm = "grant_type=client_credentials&client_id=finsam-hub&client_secret=kommun-test-secret"
                              "&scope=finsam.read";

class KommunApiTest : public ::testing::Test {
protected:
    PartnerServer server_{PartnerServerOptions{.data = generatedData().dir}};
    std::unique_ptr<http::Client> client_ = kommunClient(server_);

    RawResponse get(const std::string& pathAndQuery, const std::string& token) {
        return rawRequest("GET", server_.url(pathAndQuery), {{"Authorization", "Bearer " + token}});
    }
};

TEST_F(KommunApiTest, IssuesBearerTokensForTheRightClientOnly) {
    const auto good = requestToken(server_, kGoodForm);
    ASSERT_EQ(good.status, 200) << good.body;
    const auto token = parsed(good.body);
    EXPECT_STREQ(token["token_type"].GetString(), "Bearer");
    EXPECT_EQ(token["expires_in"].GetInt(), 300);
    EXPECT_EQ(std::string(token["access_token"].GetString()).size(), 32u);
    EXPECT_EQ(good.header("Cache-Control"), "no-store");

    const auto wrong = requestToken(server_, "grant_type=client_credentials&client_id=finsam-hub&client_secret=x");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_STREQ(parsed(wrong.body)["error"].GetString(), "invalid_client");
    EXPECT_STREQ(parsed(requestToken(server_, "grant_type=password&client_id=finsam-hub").body)["error"].GetString(),
                 "unsupported_grant_type");
    const auto scope = requestToken(server_, "grant_type=client_credentials&client_id=finsam-hub"
                                             "&client_secret=kommun-test-secret&scope=finsam.write");
    EXPECT_EQ(scope.status, 400);
    EXPECT_STREQ(parsed(scope.body)["error"].GetString(), "invalid_scope");
    // client_secret_basic: base64("finsam-hub:kommun-test-secret")
    EXPECT_EQ(requestToken(server_, "grant_type=client_credentials",
                           {{"Authorization", "Basic Zmluc2FtLWh1Yjprb21tdW4tdGVzdC1zZWNyZXQ="}})
                  .status,
              200);
    EXPECT_EQ(server_.tokensIssued(), 2);
}

TEST_F(KommunApiTest, PagesWithLimit500And1000ReproduceTheGeneratorsItems) {
    for (const auto endpoint : kEndpoints) {
        SCOPED_TRACE(std::string(endpoint));
        const auto expected = generatorItemIds(endpoint);
        ASSERT_EQ(static_cast<std::int64_t>(expected.size()), truthOf(endpoint)["items"].GetInt64());
        for (const int limit : {500, 1000}) {
            const KommunRun run = drainKommun(*client_, server_, endpoint, limit);
            EXPECT_EQ(run.ids, expected) << "limit " << limit;
            EXPECT_EQ(run.pages, std::max<int>(1, static_cast<int>((expected.size() + limit - 1) / limit)));
        }
    }
    EXPECT_EQ(server_.tokensIssued(), 1) << "one token serves the whole run";
}

TEST_F(KommunApiTest, TheFinalCursorAnswersNothingNewerWithTheSameCursor) {
    const KommunRun run = drainKommun(*client_, server_, kDeltagandenEndpoint, 1000);
    const auto again = client_->get(server_.url(std::string(kDeltagandenEndpoint) + "?limit=500&cursor=" + run.cursor));
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(again.body, R"({"items":[],"next_cursor":")" + run.cursor + R"(","has_more":false})");
}

TEST_F(KommunApiTest, RefusesALimitAbove1000AndUnknownCursors) {
    const std::string token = tokenFrom(requestToken(server_, kGoodForm));
    const std::string base(kUtbetalningarEndpoint);
    EXPECT_EQ(get(base + "?limit=1000", token).status, 200);
    for (const std::string query : {"?limit=1001", "?limit=0", "?limit=-5", "?limit=ten", "?limit=500&cursor=nonsense",
                                    "?limit=500&cursor=0123456789abcdef"}) {
        const auto answer = get(base + query, token);
        EXPECT_EQ(answer.status, 400) << query;
        EXPECT_TRUE(parsed(answer.body).HasMember("error")) << query;
    }
    // A cursor of one endpoint is no cursor of the other.
    const auto first = parsed(get(base + "?limit=10", token).body);
    const std::string cursor = first["next_cursor"].GetString();
    EXPECT_EQ(get(base + "?limit=10&cursor=" + cursor, token).status, 200);
    EXPECT_EQ(get(std::string(kDeltagandenEndpoint) + "?limit=10&cursor=" + cursor, token).status, 400);
    EXPECT_EQ(get("/api/v1/finsam/okand?limit=10", token).status, 404);
}

TEST_F(KommunApiTest, AcceptsTheGeneratorsOwnCursors) {
    const auto folder = generatedData().dir / "kommun" / kUtbetalningarEndpoint.substr(1);
    const auto index = partner::readJsonFile(folder / "index.json");
    const auto pages = generatorPages(folder);
    ASSERT_GT(pages.size(), 2u);
    const std::string cursor = index["pages"][1]["cursor"].GetString();
    const auto answer = get(std::string(kUtbetalningarEndpoint) + "?limit=3&cursor=" + cursor,
                            tokenFrom(requestToken(server_, kGoodForm)));
    ASSERT_EQ(answer.status, 200);
    EXPECT_STREQ(parsed(answer.body)["items"][0]["id"].GetString(), pages[1]["items"][0]["id"].GetString());
}

TEST_F(KommunApiTest, RefusesRequestsWithoutAValidToken) {
    const std::string url = std::string(kDeltagandenEndpoint) + "?limit=10";
    const auto none = rawRequest("GET", server_.url(url));
    EXPECT_EQ(none.status, 401);
    EXPECT_NE(none.header("WWW-Authenticate").find("invalid_token"), std::string::npos);
    EXPECT_EQ(get(url, "made-up").status, 401);
}

TEST_F(KommunApiTest, TheNextRunFromTheStoredCursorGetsOnlyNewerItems) {
    const KommunRun first = drainKommun(*client_, server_, kDeltagandenEndpoint, 500);
    server_.appendKommunItem(kDeltagandenEndpoint,
                             R"({"id":"KD-2021-99999","insats_id":"FB-STHLM-2018-03","personnummer":null,)"
                             R"("anonym":true,"kon":"kvinna","fodelsear":1990,"start":"2021-01-04","slut":null,)"
                             R"("avslutsanledning":null,"samtycke_ref":null,"skyddad":false,)"
                             R"("andrad":"2021-01-04T09:00:00+01:00"})");
    const KommunRun second = drainKommun(*client_, server_, kDeltagandenEndpoint, 500, first.cursor);
    EXPECT_EQ(second.ids, std::vector<std::string>{"KD-2021-99999"});
    EXPECT_NE(second.cursor, first.cursor);
    EXPECT_TRUE(drainKommun(*client_, server_, kDeltagandenEndpoint, 500, second.cursor).ids.empty());

    // A second generator drop as later changes: every one of its items, after what was there.
    const KommunRun before = drainKommun(*client_, server_, kUtbetalningarEndpoint, 1000);
    server_.loadLaterChanges(laterData());
    const KommunRun later = drainKommun(*client_, server_, kUtbetalningarEndpoint, 1000, before.cursor);
    std::size_t laterItems = 0;
    for (const auto& page : generatorPages(laterData() / "kommun" / kUtbetalningarEndpoint.substr(1))) {
        laterItems += page["items"].Size();
    }
    EXPECT_GT(laterItems, 0u);
    EXPECT_EQ(later.ids.size(), laterItems);
    EXPECT_EQ(server_.kommunItemCount(kUtbetalningarEndpoint), before.ids.size() + laterItems);
    EXPECT_THROW(server_.appendKommunItem("/api/v1/other", "{}"), std::invalid_argument);
    EXPECT_THROW(server_.appendKommunItem(kDeltagandenEndpoint, "[1]"), std::invalid_argument);
}

TEST(KommunTokens, ExpireAfterTheirLifetimeAndAFreshOneWorks) {
    PartnerServer server(
        PartnerServerOptions{.data = generatedData().dir, .tokenLifetime = std::chrono::milliseconds(500)});
    const auto answer = requestToken(server, kGoodForm);
    EXPECT_EQ(parsed(answer.body)["expires_in"].GetInt(), 1) << "rounded up to whole seconds";
    const std::string token = tokenFrom(answer);
    const std::string url = server.url(std::string(kDeltagandenEndpoint) + "?limit=5");
    EXPECT_EQ(rawRequest("GET", url, {{"Authorization", "Bearer " + token}}).status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    EXPECT_EQ(rawRequest("GET", url, {{"Authorization", "Bearer " + token}}).status, 401);

    // The connector's client: on the 401 it fetches a new token once and repeats.
    auto client = kommunClient(server);
    EXPECT_EQ(client->get(url).status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    EXPECT_EQ(client->get(url).status, 200);
    EXPECT_EQ(server.tokensIssued(), 3);
}

}  // namespace
}  // namespace finsam::testing
