// tests/plugins/http_client/oauth2_test.cpp — client credentials against a loopback token endpoint and API.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <atomic>

#include "finsam/http_client/http_client.h"
#include "tests/support/loopback_server.h"

namespace finsam::http_client {
namespace {

using finsam::testing::LoopbackServer;
using finsam::testing::RecordedRequest;

constexpr const char* kSecret = "s3cr/t+=&x y";

// /token issues tok-1, tok-2, ... with `expiresIn`; everything else goes to `api`, which sees the
// Authorization header.
class OAuth2Test : public ::testing::Test {
protected:
    void serve(int expiresIn, std::function<int(const std::string& authorization)> api) {
        server_.setHandler([this, expiresIn, api](auto& request, auto& response) {
            if (request.getURI() == "/token") {
                const int number = ++issued_;
                LoopbackServer::reply(response, 200,
                                      R"({"access_token":"tok-)" + std::to_string(number) +
                                          R"(","token_type":"bearer","expires_in":)" + std::to_string(expiresIn) + "}");
            } else {
                const int status = api(request.get("Authorization", ""));
                LoopbackServer::reply(response, status, status == 200 ? "data" : "");
            }
        });
    }

    std::unique_ptr<Authenticator> authenticator(std::chrono::seconds skew = std::chrono::seconds(30)) {
        return oauth2ClientCredentials(ClientOptions{}, server_.url("/token"), "hub-client", kSecret, "read write",
                                       skew);
    }

    std::vector<RecordedRequest> requestsTo(bool token) const {
        std::vector<RecordedRequest> matching;
        for (const auto& request : server_.requests()) {
            if ((request.uri == "/token") == token) {
                matching.push_back(request);
            }
        }
        return matching;
    }

    LoopbackServer server_;
    std::atomic<int> issued_{0};
};

HttpError failureOf(const std::function<void()>& request) {
    try {
        request();
    } catch (const HttpError& error) {
        return error;
    }
    ADD_FAILURE() << "no HttpError";
    return HttpError(FailureKind::kNetwork, 0, "none");
}

TEST_F(OAuth2Test, TokenIsFetchedOnceWithTheUrlEncodedFormAndCachedAcrossRequests) {
    serve(3600, [](const std::string&) { return 200; });
    Client client(ClientOptions{}, authenticator());
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(client.get(server_.url("/api/insatser?page=" + std::to_string(i))).body, "data");
    }

    const auto tokenRequests = requestsTo(true);
    ASSERT_EQ(tokenRequests.size(), 1u);
    EXPECT_EQ(tokenRequests[0].method, "POST");
    EXPECT_EQ(tokenRequests[0].header("Content-Type"), "application/x-www-form-urlencoded");
    EXPECT_EQ(tokenRequests[0].header("Authorization"), "");
    EXPECT_EQ(tokenRequests[0].body,
              "grant_type=client_credentials&client_id=hub-client&client_secret=s3cr%2Ft%2B%3D%26x%20y"
              "&scope=read%20write");
    const auto apiRequests = requestsTo(false);
    ASSERT_EQ(apiRequests.size(), 3u);
    for (const auto& request : apiRequests) {
        EXPECT_EQ(request.header("Authorization"), "Bearer tok-1");
    }
}

TEST_F(OAuth2Test, TokenIsRenewedWhenLessThanTheSkewRemains) {
    serve(20, [](const std::string&) { return 200; });  // 20 s left < 30 s skew: renewed before each use
    Client client(ClientOptions{}, authenticator());
    client.get(server_.url("/api/a"));
    client.get(server_.url("/api/b"));

    EXPECT_EQ(requestsTo(true).size(), 2u);
    const auto apiRequests = requestsTo(false);
    ASSERT_EQ(apiRequests.size(), 2u);
    EXPECT_EQ(apiRequests[0].header("Authorization"), "Bearer tok-1");
    EXPECT_EQ(apiRequests[1].header("Authorization"), "Bearer tok-2");
}

TEST_F(OAuth2Test, TokenWithMoreThanTheSkewLeftIsKept) {
    serve(40, [](const std::string&) { return 200; });  // 40 s left > 30 s skew
    Client client(ClientOptions{}, authenticator());
    client.get(server_.url("/api/a"));
    client.get(server_.url("/api/b"));
    EXPECT_EQ(requestsTo(true).size(), 1u);
}

TEST_F(OAuth2Test, UnauthorizedRenewsTheTokenOnceAndSucceeds) {
    serve(3600, [](const std::string& authorization) { return authorization == "Bearer tok-1" ? 401 : 200; });
    Client client(ClientOptions{}, authenticator());

    EXPECT_EQ(client.get(server_.url("/api/a")).status, 200);

    EXPECT_EQ(requestsTo(true).size(), 2u);
    const auto apiRequests = requestsTo(false);
    ASSERT_EQ(apiRequests.size(), 2u);
    EXPECT_EQ(apiRequests[0].header("Authorization"), "Bearer tok-1");
    EXPECT_EQ(apiRequests[1].header("Authorization"), "Bearer tok-2");
    EXPECT_EQ(client.timing().retries, 1);
}

TEST_F(OAuth2Test, SecondUnauthorizedIsAuthRefusedWithoutTokenOrSecretInTheMessage) {
    serve(3600, [](const std::string&) { return 401; });
    Client client(ClientOptions{}, authenticator());

    // A careless connector put the token in the URL: the message must still not show it.
    const HttpError error = failureOf([&] { client.get(server_.url("/api/a?echo=tok-1")); });

    EXPECT_EQ(error.kind(), FailureKind::kAuthRefused);
    EXPECT_EQ(error.status(), 401);
    const std::string message = error.what();
    EXPECT_NE(message.find("the credential was refused (HTTP 401, also after renewing it)"), std::string::npos)
        << message;
    EXPECT_EQ(message.find("tok-1"), std::string::npos) << message;
    EXPECT_EQ(message.find("tok-2"), std::string::npos) << message;
    EXPECT_EQ(message.find(kSecret), std::string::npos) << message;
    EXPECT_EQ(requestsTo(true).size(), 2u);
    EXPECT_EQ(requestsTo(false).size(), 2u);
}

TEST_F(OAuth2Test, RefusedClientCredentialsAreAuthRefusedNamingTheClientNotTheSecret) {
    server_.setHandler([](auto&, auto& response) {
        LoopbackServer::reply(response, 400, R"({"error":"invalid_client"})");
    });
    Client client(ClientOptions{}, authenticator());

    const HttpError error = failureOf([&] { client.get(server_.url("/api/a")); });

    EXPECT_EQ(error.kind(), FailureKind::kAuthRefused);
    EXPECT_EQ(error.status(), 400);
    EXPECT_EQ(std::string(error.what()), "the token endpoint " + server_.url("/token") +
                                             " refused the client credentials of client_id hub-client (HTTP 400, "
                                             "invalid_client)");
    EXPECT_EQ(server_.requestCount(), 1u);  // the API is never asked without a token
}

TEST_F(OAuth2Test, UnauthorizedTokenRequestIsAuthRefusedToo) {
    server_.setHandler([](auto&, auto& response) { LoopbackServer::reply(response, 401, ""); });
    Client client(ClientOptions{}, authenticator());

    const HttpError error = failureOf([&] { client.get(server_.url("/api/a")); });

    EXPECT_EQ(error.kind(), FailureKind::kAuthRefused);
    EXPECT_EQ(std::string(error.what()), "the token endpoint " + server_.url("/token") +
                                             " refused the client credentials of client_id hub-client (HTTP 401)");
}

TEST_F(OAuth2Test, TokenAnswerWithoutAccessTokenIsAServerError) {
    server_.setHandler([](auto&, auto& response) { LoopbackServer::reply(response, 200, R"({"token_type":"x"})"); });
    Client client(ClientOptions{}, authenticator());

    const HttpError error = failureOf([&] { client.get(server_.url("/api/a")); });

    EXPECT_EQ(error.kind(), FailureKind::kServerError);
    EXPECT_EQ(std::string(error.what()),
              "the token endpoint " + server_.url("/token") + " answered HTTP 200 without an access_token");
}

}  // namespace
}  // namespace finsam::http_client
