// tests/plugins/http_client/client_test.cpp — requests, connection reuse and the retry policy against a
// real loopback server. Waits go to a recording sleeper, never to the clock.
// SPDX-License-Identifier: Apache-2.0
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DeflatingStream.h>
#include <Poco/Timestamp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <numeric>
#include <sstream>

#include "finsam/http_client/http_client.h"
#include "recorded_waits.h"
#include "tests/support/loopback_server.h"

namespace finsam::http_client {
namespace {

using finsam::testing::LoopbackServer;
using std::chrono::milliseconds;
using testing::RecordedWaits;
using namespace std::chrono_literals;

HttpError failureOf(const std::function<void()>& request) {
    try {
        request();
    } catch (const HttpError& error) {
        return error;
    }
    ADD_FAILURE() << "no HttpError";
    return HttpError(FailureKind::kNetwork, 0, "none");
}

TEST(HttpClient, GetReturnsStatusBodyTypeAndHeadersAndSendsTheCallersHeaders) {
    LoopbackServer server([](auto&, auto& response) {
        LoopbackServer::reply(response, 200, R"({"resourceType":"Bundle"})", "application/fhir+json",
                              {{"X-Total-Count", "3"}});
    });
    Client client(ClientOptions{});
    const Response response =
        client.get(server.url("/fhir/Patient?_count=2"), {"Accept: application/fhir+json", "X-Request-Id: r1"});

    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, R"({"resourceType":"Bundle"})");
    EXPECT_EQ(response.contentType, "application/fhir+json");
    EXPECT_EQ(response.url, server.url("/fhir/Patient?_count=2"));
    EXPECT_EQ(response.header("x-total-count"), "3");
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].method, "GET");
    EXPECT_EQ(requests[0].uri, "/fhir/Patient?_count=2");
    EXPECT_EQ(requests[0].header("Accept"), "application/fhir+json");
    EXPECT_EQ(requests[0].header("X-Request-Id"), "r1");
    EXPECT_EQ(requests[0].header("User-Agent"), "finsam-hub");
    EXPECT_EQ(requests[0].header("Authorization"), "");
    EXPECT_EQ(requests[0].body, "");
    EXPECT_EQ(client.timing().requests, 1);
    EXPECT_EQ(client.timing().retries, 0);
    EXPECT_EQ(client.timing().bytes, 25);
    EXPECT_EQ(client.timing().waiting, 0ns);
    EXPECT_GT(client.timing().network, 0ns);
}

TEST(HttpClient, PostSendsBodyAndContentTypeAndReturnsTheAnswer) {
    LoopbackServer server([](auto&, auto& response) {
        LoopbackServer::reply(response, 201, "echo:" + LoopbackServer::current().body, "text/plain");
    });
    ClientOptions options;
    options.userAgent = "finsam-hub/test";
    Client client(options);
    const std::string body(5000, 'x');  // above curl's 1 KiB Expect: 100-continue threshold
    const Response response = client.post(server.url("/kommun/search"), body, "application/json", {"X-A: b"});

    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.body, "echo:" + body);
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].method, "POST");
    EXPECT_EQ(requests[0].uri, "/kommun/search");
    EXPECT_EQ(requests[0].header("Content-Type"), "application/json");
    EXPECT_EQ(requests[0].header("Content-Length"), "5000");
    EXPECT_EQ(requests[0].header("Expect"), "");
    EXPECT_EQ(requests[0].header("X-A"), "b");
    EXPECT_EQ(requests[0].header("User-Agent"), "finsam-hub/test");
    EXPECT_EQ(requests[0].body, body);
}

TEST(HttpClient, ReusesOneConnectionForConsecutiveRequests) {
    LoopbackServer server([](auto&, auto& response) { LoopbackServer::reply(response, 200, "ok"); });
    Client client(ClientOptions{});
    client.get(server.url("/a"));
    client.post(server.url("/b"), "{}", "application/json");
    client.get(server.url("/c"));
    client.get(server.url("/d"));

    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 4u);
    EXPECT_EQ(server.connectionCount(), 1);
    for (const auto& request : requests) {
        EXPECT_EQ(request.connection, 1);
        EXPECT_EQ(request.clientPort, requests[0].clientPort);
    }
    EXPECT_EQ(requests[2].method, "GET");  // back to GET after a POST, without its body
    EXPECT_EQ(requests[2].body, "");
}

TEST(HttpClient, ReturnsOtherClientErrorsAndRedirectsWithoutRetryingOrFollowing) {
    LoopbackServer server([](auto& request, auto& response) {
        if (request.getURI() == "/moved") {
            LoopbackServer::reply(response, 302, "", "text/plain", {{"Location", "/elsewhere"}});
        } else {
            LoopbackServer::reply(response, 404, R"({"issue":"not found"})");
        }
    });
    Client client(ClientOptions{});
    EXPECT_EQ(client.get(server.url("/missing")).status, 404);
    EXPECT_EQ(client.get(server.url("/moved")).status, 302);
    EXPECT_EQ(server.requestCount(), 2u);
    EXPECT_EQ(client.timing().retries, 0);
}

// A body past the limit fails the request at once, whether it came as it is or inflated from a small gzip body
// (a decompression bomb): the hub never holds more than maxResponseBytes of one answer.
TEST(HttpClient, AResponseLargerThanTheLimitFailsWithoutRetryingPlainOrInflated) {
    std::ostringstream gzipped;
    {
        Poco::DeflatingOutputStream deflate(gzipped, Poco::DeflatingStreamBuf::STREAM_GZIP);
        deflate << std::string(1 << 20, '[');  // a megabyte that compresses to about a kilobyte
    }
    const std::string bomb = gzipped.str();
    LoopbackServer server([&](auto& request, auto& response) {
        if (request.getURI() == "/plain") {
            LoopbackServer::reply(response, 200, std::string(5000, 'x'));
        } else if (request.getURI() == "/bomb") {
            LoopbackServer::reply(response, 200, bomb, "application/json", {{"Content-Encoding", "gzip"}});
        } else {
            LoopbackServer::reply(response, 200, std::string(4096, 'y'));
        }
    });
    ClientOptions options;
    options.maxResponseBytes = 4096;
    Client client(options);
    EXPECT_EQ(client.get(server.url("/fits")).body.size(), 4096u) << "exactly the limit is read";
    ASSERT_LT(bomb.size(), 4096u);
    for (const char* path : {"/plain", "/bomb"}) {
        const auto error = failureOf([&] { client.get(server.url(path)); });
        EXPECT_NE(std::string(error.what()).find("the response is larger than 4096 bytes"), std::string::npos)
            << path << ": " << error.what();
    }
    EXPECT_EQ(server.requestCount(), 3u) << "not retried";
}

TEST(HttpClientRetry, TwoServiceUnavailableThenOkSucceedsAfterTwoJitteredBackOffWaits) {
    std::atomic<int> calls{0};
    LoopbackServer server([&](auto&, auto& response) {
        LoopbackServer::reply(response, ++calls <= 2 ? 503 : 200, "answer");
    });
    Client client(ClientOptions{});  // 500 ms base
    RecordedWaits recorded;
    recorded.attachTo(client);

    const Response response = client.get(server.url("/x"));

    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "answer");
    EXPECT_EQ(server.requestCount(), 3u);
    EXPECT_EQ(client.timing().requests, 3);
    EXPECT_EQ(client.timing().retries, 2);
    ASSERT_EQ(recorded.waits.size(), 2u);
    EXPECT_GE(recorded.waits[0], 0ms);
    EXPECT_LE(recorded.waits[0], 500ms);
    EXPECT_GE(recorded.waits[1], 0ms);
    EXPECT_LE(recorded.waits[1], 1000ms);
    EXPECT_EQ(client.timing().waiting, recorded.waits[0] + recorded.waits[1]);
}

TEST(HttpClientRetry, ServerErrorsForeverFailAfterMaxAttemptsWithBoundedWaits) {
    LoopbackServer server([](auto&, auto& response) { LoopbackServer::reply(response, 502, "bad gateway"); });
    ClientOptions options;
    options.retry.maxAttempts = 6;
    options.retry.baseDelay = 100ms;
    options.retry.maxDelay = 400ms;
    Client client(options);
    RecordedWaits recorded;
    recorded.attachTo(client);

    const HttpError error = failureOf([&] { client.get(server.url("/always-broken")); });

    EXPECT_EQ(error.kind(), FailureKind::kServerError);
    EXPECT_EQ(error.status(), 502);
    EXPECT_EQ(std::string(error.what()),
              "GET " + server.url("/always-broken") + " failed after 6 attempts: HTTP 502");
    EXPECT_EQ(server.requestCount(), 6u);
    const std::vector<milliseconds> caps = {100ms, 200ms, 400ms, 400ms, 400ms};
    ASSERT_EQ(recorded.waits.size(), caps.size());
    for (std::size_t i = 0; i < caps.size(); ++i) {
        EXPECT_GE(recorded.waits[i], 0ms) << i;
        EXPECT_LE(recorded.waits[i], caps[i]) << i;
    }
}

TEST(HttpClientRetry, DroppedConnectionIsRetriedOnANewConnection) {
    std::atomic<int> calls{0};
    LoopbackServer server([&](auto& request, auto& response) {
        if (++calls == 1) {
            LoopbackServer::dropConnection(request);
        } else {
            LoopbackServer::reply(response, 200, "second time");
        }
    });
    Client client(ClientOptions{});
    RecordedWaits recorded;
    recorded.attachTo(client);

    EXPECT_EQ(client.get(server.url("/flaky")).body, "second time");
    EXPECT_EQ(server.requestCount(), 2u);
    EXPECT_EQ(server.connectionCount(), 2);
    EXPECT_EQ(client.timing().retries, 1);
    EXPECT_EQ(recorded.waits.size(), 1u);
}

TEST(HttpClientRetry, BodyCutShortIsRetried) {
    std::atomic<int> calls{0};
    LoopbackServer server([&](auto& request, auto& response) {
        if (++calls == 1) {
            LoopbackServer::dropMidBody(request, response, R"({"entry":[1,2,3,4,5,6,7,8]})");
        } else {
            LoopbackServer::reply(response, 200, "whole");
        }
    });
    Client client(ClientOptions{});
    RecordedWaits recorded;
    recorded.attachTo(client);

    EXPECT_EQ(client.get(server.url("/page")).body, "whole");
    EXPECT_EQ(server.requestCount(), 2u);
    EXPECT_EQ(client.timing().retries, 1);
}

TEST(HttpClientRetry, RefusedConnectionFailsAsNetworkErrorAfterMaxAttempts) {
    std::string url;
    {
        LoopbackServer gone;  // a port that was free a moment ago and has no listener now
        url = gone.url("/nobody");
    }
    ClientOptions options;
    options.retry.maxAttempts = 2;
    Client client(options);
    RecordedWaits recorded;
    recorded.attachTo(client);

    const HttpError error = failureOf([&] { client.get(url); });

    EXPECT_EQ(error.kind(), FailureKind::kNetwork);
    EXPECT_EQ(error.status(), 0);
    EXPECT_EQ(std::string(error.what()).rfind("GET " + url + " failed after 2 attempts: ", 0), 0u) << error.what();
    EXPECT_EQ(recorded.waits.size(), 1u);
}

TEST(HttpClientRetry, SlowServerTimesOutAfterMaxAttempts) {
    LoopbackServer server;
    server.setHandler([&](auto&, auto& response) { server.respondSlowly(response, 20s, 200, "too late"); });
    ClientOptions options;
    options.timeout = 300ms;
    options.retry.maxAttempts = 2;
    Client client(options);
    RecordedWaits recorded;
    recorded.attachTo(client);

    const HttpError error = failureOf([&] { client.get(server.url("/slow")); });

    EXPECT_EQ(error.kind(), FailureKind::kTimeout);
    EXPECT_EQ(std::string(error.what()).rfind("GET " + server.url("/slow") + " timed out after 2 attempts: ", 0),
              0u)
        << error.what();
    EXPECT_TRUE(server.waitForRequests(2));  // a busy server thread may log the second one late
    EXPECT_EQ(server.requestCount(), 2u);
    EXPECT_EQ(recorded.waits.size(), 1u);
}

TEST(HttpClientRateLimit, WaitsRetryAfterSeconds) {
    std::atomic<int> calls{0};
    LoopbackServer server([&](auto&, auto& response) {
        if (++calls == 1) {
            LoopbackServer::reply(response, 429, "", "text/plain", {{"Retry-After", "2"}});
        } else {
            LoopbackServer::reply(response, 200, "ok");
        }
    });
    Client client(ClientOptions{});
    RecordedWaits recorded;
    recorded.attachTo(client);

    EXPECT_EQ(client.get(server.url("/limited")).status, 200);
    EXPECT_EQ(recorded.waits, std::vector<milliseconds>{2000ms});
    EXPECT_EQ(client.timing().waiting, 2000ms);
    EXPECT_EQ(client.timing().retries, 1);
    EXPECT_EQ(server.requestCount(), 2u);
}

TEST(HttpClientRateLimit, WaitsUntilRetryAfterDate) {
    std::atomic<int> calls{0};
    LoopbackServer server([&](auto&, auto& response) {
        if (++calls == 1) {
            Poco::Timestamp inTenSeconds;
            inTenSeconds += Poco::Timespan(10, 0);
            LoopbackServer::reply(response, 429, "", "text/plain",
                                  {{"Retry-After",
                                    Poco::DateTimeFormatter::format(inTenSeconds, Poco::DateTimeFormat::HTTP_FORMAT)}});
        } else {
            LoopbackServer::reply(response, 200, "ok");
        }
    });
    Client client(ClientOptions{});
    RecordedWaits recorded;
    recorded.attachTo(client);

    EXPECT_EQ(client.get(server.url("/limited")).status, 200);
    ASSERT_EQ(recorded.waits.size(), 1u);
    // The date has whole seconds, and a loaded machine may take a while between answer and parse.
    EXPECT_GE(recorded.waits[0], 7s);
    EXPECT_LE(recorded.waits[0], 10s);
}

TEST(HttpClientRateLimit, RetryAfterLongerThanAllowedFailsWithoutWaiting) {
    LoopbackServer server([](auto&, auto& response) {
        LoopbackServer::reply(response, 429, "", "text/plain", {{"Retry-After", "301"}});
    });
    Client client(ClientOptions{});  // 300 s allowed
    RecordedWaits recorded;
    recorded.attachTo(client);

    const HttpError error = failureOf([&] { client.get(server.url("/limited")); });

    EXPECT_EQ(error.kind(), FailureKind::kRetryAfterTooLong);
    EXPECT_EQ(error.status(), 429);
    EXPECT_EQ(std::string(error.what()), "GET " + server.url("/limited") +
                                             ": the server asked to wait 301 s (HTTP 429 Retry-After), longer "
                                             "than the 300 s allowed");
    EXPECT_TRUE(recorded.waits.empty());
    EXPECT_EQ(server.requestCount(), 1u);
}

TEST(HttpClientRateLimit, GivesUpAfterMax429Waits) {
    LoopbackServer server([](auto&, auto& response) {
        LoopbackServer::reply(response, 429, "", "text/plain", {{"Retry-After", "1"}});
    });
    ClientOptions options;
    options.retry.max429 = 3;
    Client client(options);
    RecordedWaits recorded;
    recorded.attachTo(client);

    const HttpError error = failureOf([&] { client.get(server.url("/limited")); });

    EXPECT_EQ(error.kind(), FailureKind::kClientError);
    EXPECT_EQ(error.status(), 429);
    EXPECT_EQ(recorded.waits, std::vector<milliseconds>(3, 1000ms));
    EXPECT_EQ(server.requestCount(), 4u);
}

TEST(HttpClientRateLimit, WithoutRetryAfterBacksOff) {
    std::atomic<int> calls{0};
    LoopbackServer server([&](auto&, auto& response) {
        LoopbackServer::reply(response, ++calls == 1 ? 429 : 200, "");
    });
    Client client(ClientOptions{});
    RecordedWaits recorded;
    recorded.attachTo(client);

    EXPECT_EQ(client.get(server.url("/limited")).status, 200);
    ASSERT_EQ(recorded.waits.size(), 1u);
    EXPECT_LE(recorded.waits[0], 500ms);
}

TEST(HttpClientAuth, BearerTokenIsSentOnEveryRequest) {
    LoopbackServer server([](auto&, auto& response) { LoopbackServer::reply(response, 200, "ok"); });
    Client client(ClientOptions{}, bearerToken("region-token-XYZ"));
    client.get(server.url("/fhir/metadata"));
    client.get(server.url("/fhir/Patient"));
    for (const auto& request : server.requests()) {
        EXPECT_EQ(request.header("Authorization"), "Bearer region-token-XYZ");
    }
}

TEST(HttpClientAuth, ForbiddenIsAuthRefusedWithoutTheTokenOrAnIdentityInTheMessage) {
    LoopbackServer server([](auto&, auto& response) { LoopbackServer::reply(response, 403, "forbidden"); });
    Client client(ClientOptions{}, bearerToken("region-token-XYZ"));
    RecordedWaits recorded;
    recorded.attachTo(client);

    const std::string url = server.url("/fhir/Patient?identifier=197405049334&token=region-token-XYZ");
    const HttpError error = failureOf([&] { client.get(url); });

    EXPECT_EQ(error.kind(), FailureKind::kAuthRefused);
    EXPECT_EQ(error.status(), 403);
    EXPECT_EQ(std::string(error.what()), "GET " + server.url("/fhir/Patient?identifier=[redacted]&token=[redacted]") +
                                             ": the credential was refused (HTTP 403, not allowed)");
    EXPECT_EQ(server.requestCount(), 1u);
    EXPECT_TRUE(recorded.waits.empty());
}

TEST(HttpClientAuth, UnauthorizedBearerTokenCannotBeRenewedAndIsRefusedAtOnce) {
    LoopbackServer server([](auto&, auto& response) { LoopbackServer::reply(response, 401, ""); });
    Client client(ClientOptions{}, bearerToken("region-token-XYZ"));

    const HttpError error = failureOf([&] { client.get(server.url("/fhir/Patient")); });

    EXPECT_EQ(error.kind(), FailureKind::kAuthRefused);
    EXPECT_EQ(error.status(), 401);
    EXPECT_EQ(std::string(error.what()),
              "GET " + server.url("/fhir/Patient") + ": the credential was refused (HTTP 401)");
    EXPECT_EQ(server.requestCount(), 1u);
}

TEST(HttpClientAuth, UnauthorizedWithoutAnyCredentialSaysNoneIsConfigured) {
    LoopbackServer server([](auto&, auto& response) { LoopbackServer::reply(response, 401, ""); });
    Client client(ClientOptions{});

    const HttpError error = failureOf([&] { client.get(server.url("/x")); });

    EXPECT_EQ(error.kind(), FailureKind::kAuthRefused);
    EXPECT_EQ(std::string(error.what()),
              "GET " + server.url("/x") + ": the server requires a credential (HTTP 401) and none is configured");
}

}  // namespace
}  // namespace finsam::http_client
