// tests/core/http/feed_api_test.cpp — GET /v1/feed and /v1/feed/head through a real ApiServer and HTTP client:
// cursors, filters, NDJSON, long polling, the förbund limit, the access audit, tokens and TLS. Both backends.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StringTokenizer.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <future>
#include <set>
#include <thread>

#include "core/common/json.h"
#include "tests/core/http/api_fixture.h"
#include "tests/support/test_certificates.h"

namespace finsam::testing {
namespace {

using Clock = std::chrono::steady_clock;

/// A feed page as a consumer reads it.
struct Page {
    std::vector<std::int64_t> seqs;
    std::vector<std::string> ids;
    std::vector<std::string> types;
    std::vector<std::string> keys;
    std::int64_t nextAfter = -1;
};

rapidjson::Document parsed(const std::string& body) {
    rapidjson::Document document;
    common::JsonError error;
    EXPECT_TRUE(common::parseJson(body, document, error)) << error.reason << ": " << body;
    return document;
}

void addEvent(Page& page, const rapidjson::Value& event) {
    for (const char* field : {"seq", "id", "type", "occurred_at", "key", "schema_version", "payload"}) {
        EXPECT_TRUE(event.HasMember(field)) << field;
    }
    page.seqs.push_back(event["seq"].GetInt64());
    page.ids.emplace_back(event["id"].GetString());
    page.types.emplace_back(event["type"].GetString());
    page.keys.emplace_back(event["key"].GetString());
}

Page pageOf(const ApiResponse& response) {
    Page page;
    EXPECT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.contentType, "application/json");
    if (response.status != 200) {
        return page;
    }
    auto document = parsed(response.body);
    for (const auto& event : document["events"].GetArray()) {
        addEvent(page, event);
    }
    page.nextAfter = document["next_after"].GetInt64();
    return page;
}

Page ndjsonPageOf(const ApiResponse& response) {
    Page page;
    EXPECT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.contentType, "application/x-ndjson");
    EXPECT_TRUE(response.body.empty() || response.body.back() == '\n');
    Poco::StringTokenizer lines(response.body, "\n", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const auto& line : lines) {
        addEvent(page, parsed(line));
    }
    return page;
}

std::int64_t headOf(const ApiResponse& response) {
    EXPECT_EQ(response.status, 200) << response.body;
    return response.status == 200 ? parsed(response.body)["head"].GetInt64() : -1;
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// 400 {"error":"bad_parameter","message":"NAME: …"}
void expectBadParameter(const ApiResponse& response, const std::string& name) {
    EXPECT_EQ(response.status, 400) << response.body;
    auto document = parsed(response.body);
    ASSERT_TRUE(document.IsObject() && document.HasMember("message"));
    EXPECT_STREQ(document["error"].GetString(), "bad_parameter");
    EXPECT_EQ(std::string(document["message"].GetString()).rfind(name + ": ", 0), 0u) << response.body;
}

class FeedApiTest : public ::testing::TestWithParam<TestBackend> {};

TEST_P(FeedApiTest, ReplayFromZeroPagesEveryEventOnceInSeqOrder) {
    ApiFixture api(GetParam());
    api.append({person(1), "forbund-a/I-1", person(2)});
    api.append({"forbund-b/I-2", person(3), person(4), "forbund-a/I-3"});
    std::vector<std::int64_t> seqs;
    std::set<std::string> ids;
    std::vector<std::string> keys;
    std::int64_t after = 0;
    for (int round = 0; round < 10; ++round) {
        Page page = pageOf(api.get("/v1/feed?after=" + std::to_string(after) + "&limit=3", kReaderToken));
        EXPECT_LE(page.seqs.size(), 3u);
        if (page.seqs.empty()) {
            EXPECT_EQ(page.nextAfter, after) << "an empty page keeps the cursor";
            break;
        }
        EXPECT_EQ(page.nextAfter, page.seqs.back());
        seqs.insert(seqs.end(), page.seqs.begin(), page.seqs.end());
        ids.insert(page.ids.begin(), page.ids.end());
        keys.insert(keys.end(), page.keys.begin(), page.keys.end());
        after = page.nextAfter;
    }
    ASSERT_EQ(seqs.size(), 7u);
    EXPECT_TRUE(std::adjacent_find(seqs.begin(), seqs.end(), std::greater_equal<>()) == seqs.end())
        << "strictly increasing";
    EXPECT_EQ(ids.size(), 7u) << "every event id once";
    EXPECT_EQ(keys, (std::vector<std::string>{person(1), "forbund-a/I-1", person(2), "forbund-b/I-2", person(3),
                                              person(4), "forbund-a/I-3"}));
    Page all = pageOf(api.get("/v1/feed", kReaderToken));  // after=0 and limit=100 by default
    EXPECT_EQ(all.seqs, seqs);
    Page replay = pageOf(api.get("/v1/feed?after=0&limit=1000", kReaderToken));
    EXPECT_EQ(replay.ids, all.ids) << "a replay gives the same events";
}

TEST_P(FeedApiTest, TypesFilterTakesCatalogueTypesAndWildcards) {
    ApiFixture api(GetParam());
    api.append({person(1), "forbund-a/I-1", person(2), "forbund-a/I-2"});
    Page persons = pageOf(api.get("/v1/feed?types=person.upserted", kReaderToken));
    EXPECT_EQ(persons.keys, (std::vector<std::string>{person(1), person(2)}));
    Page insatser = pageOf(api.get("/v1/feed?types=insats.*", kReaderToken));
    EXPECT_EQ(insatser.keys, (std::vector<std::string>{"forbund-a/I-1", "forbund-a/I-2"}));
    EXPECT_EQ(insatser.types, (std::vector<std::string>{"insats.upserted", "insats.upserted"}));
    Page both = pageOf(api.get("/v1/feed?types=insats.*,person.upserted,deltagande.*", kReaderToken));
    EXPECT_EQ(both.seqs.size(), 4u);
    Page none = pageOf(api.get("/v1/feed?types=samtycke.*", kReaderToken));
    EXPECT_TRUE(none.seqs.empty());
    for (const char* types : {"bogus.type", "person.*,nope", "person", "", "*", "insats_budget.upserted.x"}) {
        SCOPED_TRACE(types);
        expectBadParameter(api.get(std::string("/v1/feed?types=") + types, kReaderToken), "types");
    }
}

TEST_P(FeedApiTest, MalformedUnknownAndRepeatedParametersAre400) {
    ApiFixture api(GetParam());
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"after=1&after=2", "after"}, {"colour=red", "colour"}, {"after=-1", "after"}, {"after=x", "after"},
        {"limit=0", "limit"},         {"limit=1001", "limit"},  {"limit=", "limit"},   {"wait=31", "wait"},
        {"wait=-1", "wait"},          {"format=xml", "format"}, {"types=person.*&types=insats.*", "types"},
    };
    for (const auto& [query, parameter] : cases) {
        SCOPED_TRACE(query);
        expectBadParameter(api.get("/v1/feed?" + query, kReaderToken), parameter);
    }
    expectBadParameter(api.get("/v1/feed/head?after=1", kReaderToken), "after");
    expectBadParameter(api.get("/v1/feed/head?types=person.*&types=person.*", kReaderToken), "types");
    expectBadParameter(api.get("/v1/feed/head?types=bogus", kReaderToken), "types");
    EXPECT_EQ(api.get("/v1/feed?limit=1000&wait=0&format=json", kReaderToken).status, 200);
}

TEST_P(FeedApiTest, NdjsonByFormatOrAccept) {
    ApiFixture api(GetParam());
    api.append({person(1), "forbund-a/I-1", person(2)});
    Page json = pageOf(api.get("/v1/feed?after=1", kReaderToken));
    Page byFormat = ndjsonPageOf(api.get("/v1/feed?after=1&format=ndjson", kReaderToken));
    Page byAccept = ndjsonPageOf(api.get("/v1/feed?after=1", kReaderToken, "application/x-ndjson"));
    EXPECT_EQ(byFormat.seqs, json.seqs);
    EXPECT_EQ(byFormat.ids, json.ids);
    EXPECT_EQ(byAccept.ids, json.ids);
    EXPECT_EQ(json.seqs.size(), 2u);
    auto tail = api.get("/v1/feed?after=3&format=ndjson", kReaderToken);
    EXPECT_EQ(tail.status, 200);
    EXPECT_EQ(tail.body, "") << "nothing after the head: no lines";
    EXPECT_EQ(api.get("/v1/feed?format=json", kReaderToken, "application/json").contentType, "application/json");
}

TEST_P(FeedApiTest, HeadWithAndWithoutTypes) {
    ApiFixture api(GetParam());
    EXPECT_EQ(headOf(api.get("/v1/feed/head", kReaderToken)), 0);
    api.append({person(1), "forbund-a/I-1", person(2), "forbund-b/I-2"});
    Page all = pageOf(api.get("/v1/feed", kReaderToken));
    ASSERT_EQ(all.seqs.size(), 4u);
    EXPECT_EQ(headOf(api.get("/v1/feed/head", kReaderToken)), all.seqs[3]);
    EXPECT_EQ(headOf(api.get("/v1/feed/head?types=person.*", kReaderToken)), all.seqs[2]);
    EXPECT_EQ(headOf(api.get("/v1/feed/head?types=person.upserted,insats.upserted", kReaderToken)), all.seqs[3]);
    EXPECT_EQ(headOf(api.get("/v1/feed/head?types=deltagande.*", kReaderToken)), 0);
}

TEST_P(FeedApiTest, LongPollAnswersAsSoonAsAnEventIsCommitted) {
    ApiFixture api(GetParam());
    api.append({person(1)});
    const std::int64_t head = headOf(api.get("/v1/feed/head", kReaderToken));
    auto writer = std::async(std::launch::async, [&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        api.append({person(99)});  // commits, then notifies the feed signal as the ingest loop does
    });
    const auto start = Clock::now();
    Page page = pageOf(api.get("/v1/feed?wait=5&after=" + std::to_string(head), kReaderToken));
    const double elapsed = secondsSince(start);
    writer.get();
    EXPECT_EQ(page.keys, std::vector<std::string>{person(99)});
    EXPECT_GE(elapsed, 0.3) << "it waited for the event";
    EXPECT_LT(elapsed, 2.0) << "it answered well before the 5 s deadline";
}

TEST_P(FeedApiTest, LongPollWithNothingAnswersEmptyAtItsDeadline) {
    ApiFixture api(GetParam());
    api.append({person(1)});
    const auto start = Clock::now();
    Page page = pageOf(api.get("/v1/feed?wait=1&after=1", kReaderToken));
    const double elapsed = secondsSince(start);
    EXPECT_TRUE(page.seqs.empty());
    EXPECT_EQ(page.nextAfter, 1);
    EXPECT_GE(elapsed, 0.9);
    EXPECT_LT(elapsed, 2.5);
    const auto immediate = Clock::now();
    EXPECT_EQ(pageOf(api.get("/v1/feed?wait=5&after=0", kReaderToken)).seqs.size(), 1u);
    EXPECT_LT(secondsSince(immediate), 1.0) << "an event already there answers at once";
}

TEST_P(FeedApiTest, LongPollsBeyondTheLimitAnswerAtOnce) {
    ApiFixture api(GetParam(), {1, {}});
    auto waiting = std::async(std::launch::async, [&] {
        const auto start = Clock::now();
        Page page = pageOf(api.get("/v1/feed?wait=4&after=0", kReaderToken));
        return std::make_pair(page, secondsSince(start));
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the first poll takes the one slot
    const auto start = Clock::now();
    Page second = pageOf(api.get("/v1/feed?wait=4&after=0", kReaderToken));
    const double secondElapsed = secondsSince(start);
    EXPECT_TRUE(second.seqs.empty());
    EXPECT_LT(secondElapsed, 1.0) << "no slot left: it answers at once instead of holding a thread";
    api.append({person(1)});
    auto [first, firstElapsed] = waiting.get();
    EXPECT_EQ(first.keys, std::vector<std::string>{person(1)}) << "the poll holding the slot got the event";
    EXPECT_LT(firstElapsed, 3.0);
}

TEST_P(FeedApiTest, ForbundLimitedTokenReadsOnlyItsForbundsEvents) {
    ApiFixture api(GetParam());
    api.append({"forbund-a/I-1", "forbund-b/I-2", person(1), "forbund-a/I-3", "forbund-b/I-4"});
    Page limited = pageOf(api.get("/v1/feed?after=0", kLimitedToken));
    EXPECT_EQ(limited.keys, (std::vector<std::string>{"forbund-a/I-1", "forbund-a/I-3"}));
    ASSERT_EQ(limited.seqs.size(), 2u);
    Page rest = pageOf(api.get("/v1/feed?after=" + std::to_string(limited.nextAfter), kLimitedToken));
    EXPECT_TRUE(rest.seqs.empty()) << "förbund-b and förbund-neutral events stay hidden";
    Page ndjson = ndjsonPageOf(api.get("/v1/feed?format=ndjson", kLimitedToken));
    EXPECT_EQ(ndjson.keys, limited.keys);
    EXPECT_EQ(headOf(api.get("/v1/feed/head", kLimitedToken)), limited.seqs[1]);
    EXPECT_EQ(headOf(api.get("/v1/feed/head?types=person.*", kLimitedToken)), 0);
    EXPECT_EQ(headOf(api.get("/v1/feed/head", kReaderToken)), 5);
    EXPECT_EQ(pageOf(api.get("/v1/feed", kReaderToken)).seqs.size(), 5u);
}

TEST_P(FeedApiTest, EveryFeedReadIsInTheAccessAudit) {
    ApiFixture api(GetParam());
    api.append({"forbund-a/I-1", person(1), "forbund-b/I-2"});
    ASSERT_EQ(pageOf(api.get("/v1/feed?after=0&limit=2", kReaderToken)).seqs.size(), 2u);
    ASSERT_EQ(pageOf(api.get("/v1/feed?types=insats.*", kLimitedToken)).seqs.size(), 1u);
    ASSERT_EQ(ndjsonPageOf(api.get("/v1/feed?after=3&format=ndjson", kReaderToken)).seqs.size(), 0u);
    api.context().access.flush();
    auto response = api.get("/v1/admin/access?limit=10", kAdminToken);
    ASSERT_EQ(response.status, 200) << response.body;
    for (const char* secret : {kReaderToken, kLimitedToken, kAdminToken}) {
        EXPECT_EQ(response.body.find(secret), std::string::npos) << "the audit names tokens, never holds them";
    }
    auto document = parsed(response.body);
    const auto& entries = document["entries"];
    ASSERT_EQ(entries.Size(), 3u) << response.body;  // newest first
    struct Expected {
        const char* token;
        const char* query;
        std::int64_t rows;
        const char* forbund;  // nullptr: no limit, null in JSON
    };
    const Expected expected[] = {{"reader", "after=3&format=ndjson", 0, nullptr},
                                 {"limited", "types=insats.*", 1, kLimitedForbund},
                                 {"reader", "after=0&limit=2", 2, nullptr}};
    for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
        SCOPED_TRACE(i);
        const auto& entry = entries[i];
        EXPECT_STREQ(entry["token"].GetString(), expected[i].token);
        EXPECT_STREQ(entry["endpoint"].GetString(), "/v1/feed");
        EXPECT_STREQ(entry["query"].GetString(), expected[i].query);
        EXPECT_EQ(entry["rows"].GetInt64(), expected[i].rows);
        if (expected[i].forbund == nullptr) {
            EXPECT_TRUE(entry["forbund"].IsNull());
        } else {
            EXPECT_STREQ(entry["forbund"].GetString(), expected[i].forbund);
        }
        EXPECT_FALSE(std::string(entry["at"].GetString()).empty());
    }
    EXPECT_GT(entries[0]["seq"].GetInt64(), entries[2]["seq"].GetInt64());
}

TEST_P(FeedApiTest, MissingOrUnknownTokenIs401AndMissingScope403) {
    ApiFixture api(GetParam());
    for (const std::string& token : {std::string(), std::string("not-a-configured-token")}) {
        auto response = api.get("/v1/feed", token);
        EXPECT_EQ(response.status, 401);
        EXPECT_EQ(response.header("WWW-Authenticate"), "Bearer");
        EXPECT_NE(response.body.find("\"unauthorized\""), std::string::npos);
        EXPECT_EQ(api.get("/v1/feed/head", token).status, 401);
    }
    for (const auto& [target, token] : std::vector<std::pair<std::string, std::string>>{
             {"/v1/feed", kStatsToken}, {"/v1/feed/head", kStatsToken}, {"/v1/feed", kAdminToken},
             {"/v1/admin/access", kReaderToken}, {"/v1/admin/access", kLimitedToken}}) {
        SCOPED_TRACE(target);
        auto response = api.get(target, token);
        EXPECT_EQ(response.status, 403);
        EXPECT_NE(response.body.find("\"forbidden\""), std::string::npos);
        EXPECT_EQ(response.header("WWW-Authenticate"), "");
    }
    EXPECT_EQ(api.get("/v1/feed", kLimitedToken).status, 200);
}

// GET over HTTPS trusting only `caFile`.
ApiResponse httpsGet(std::uint16_t port, const std::string& target, const std::string& caFile) {
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile,
                                                             Poco::Net::Context::VERIFY_STRICT, 9, false);
    Poco::Net::HTTPSClientSession session("127.0.0.1", port, context);
    session.setTimeout(Poco::Timespan(5, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, target, Poco::Net::HTTPMessage::HTTP_1_1);
    prepare(request, kReaderToken, "");
    session.sendRequest(request);
    return receive(session);
}

TEST_P(FeedApiTest, ServesTheFeedOverTlsOnly) {
    const auto& pki = testCertificates();
    ApiFixture api(GetParam(), {4, {pki.serverCertificateFile, pki.serverKeyFile}});
    api.append({person(1), "forbund-a/I-1"});
    Page page = pageOf(httpsGet(api.port(), "/v1/feed?after=0", pki.caFile));
    EXPECT_EQ(page.keys, (std::vector<std::string>{person(1), "forbund-a/I-1"}));
    EXPECT_THROW(httpsGet(api.port(), "/v1/feed", pki.otherCaFile), Poco::Exception)
        << "a client trusting another CA refuses the server";
    auto plainGet = [&] {
        Poco::Net::HTTPClientSession plain("127.0.0.1", api.port());
        plain.setTimeout(Poco::Timespan(3, 0));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/v1/feed");
        prepare(request, kReaderToken, "");
        plain.sendRequest(request);
        return receive(plain);
    };
    EXPECT_THROW(plainGet(), Poco::Exception) << "plain HTTP to the TLS port gets no answer";
}

// The body goes to the socket in one write after Poco sends the header (api_handler.cpp): a page many times
// Poco's 4 KiB stream buffer and a 16 KiB TLS record arrives whole, and the keep-alive connection carries the
// next answer after it.
TEST_P(FeedApiTest, ALargePageArrivesWholeOverTlsAndTheConnectionCarriesTheNextAnswer) {
    const auto& pki = testCertificates();
    ApiFixture api(GetParam(), {4, {pki.serverCertificateFile, pki.serverKeyFile}});
    std::vector<std::string> keys;
    for (int n = 1; n <= 600; ++n) {
        keys.push_back(person(n));
    }
    api.append(keys);
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", pki.caFile,
                                                             Poco::Net::Context::VERIFY_STRICT, 9, false);
    Poco::Net::HTTPSClientSession session("127.0.0.1", api.port(), context);
    session.setTimeout(Poco::Timespan(5, 0));
    session.setKeepAlive(true);
    std::string first;
    Poco::UInt16 localPort = 0;
    for (int round = 0; round < 2; ++round) {
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/v1/feed?after=0&limit=600",
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        prepare(request, kReaderToken, "");
        session.sendRequest(request);
        ApiResponse response = receive(session);
        ASSERT_GT(response.body.size(), 64U * 1024) << "the page must outgrow the buffers it used to pass through";
        EXPECT_EQ(response.headers.get("Content-Length"), std::to_string(response.body.size()));
        EXPECT_EQ(pageOf(response).keys, keys);
        EXPECT_EQ(response.headers.get("Connection", ""), "Keep-Alive");
        // A session that finds its connection closed opens another quietly: the same local port shows it did not.
        if (round == 0) {
            first = response.body;
            localPort = session.socket().address().port();
        } else {
            EXPECT_EQ(response.body, first);
            EXPECT_EQ(session.socket().address().port(), localPort) << "the second answer came on the same connection";
        }
    }
    Poco::Net::HTTPRequest feedHead(Poco::Net::HTTPRequest::HTTP_GET, "/v1/feed/head",
                                    Poco::Net::HTTPMessage::HTTP_1_1);
    prepare(feedHead, kReaderToken, "");
    session.sendRequest(feedHead);
    EXPECT_EQ(receive(session).body, "{\"head\":600}");
    EXPECT_EQ(session.socket().address().port(), localPort);
}

TEST_P(FeedApiTest, UnloadableCertificateNamesTheFile) {
    const auto& pki = testCertificates();
    ApiFixture api(GetParam());
    TempDir dir;
    const std::string missing = dir.file("no-such-cert.pem");
    try {
        http::ApiServer server(api.context(), "127.0.0.1:0", 2, {missing, pki.serverKeyFile});
        FAIL() << "a missing certificate must not start a server";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(missing), std::string::npos) << e.what();
    }
    EXPECT_THROW(http::ApiServer(api.context(), "127.0.0.1:0", 2, {pki.serverCertificateFile, ""}),
                 std::runtime_error);
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedApiTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
