// tests/core/http/api_fixture.h — a real ApiServer in the test process, over a test store, and a plain HTTP client.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/common/hash.h"
#include "core/feed/feed_page_cache.h"
#include "core/feed/feed_signal.h"
#include "core/http/access_recorder.h"
#include "core/http/api_server.h"
#include "core/http/token_authenticator.h"
#include "core/store/session_pool.h"
#include "tests/core/webhook/webhook_fixtures.h"  // appendEvents
#include "tests/support/test_store.h"

namespace finsam::testing {

// Test tokens; the hub keeps only their SHA-256. Their names are what the access audit records.
inline constexpr const char* kReaderToken = "reader-secret-token";
inline constexpr const char* kAdminToken = "admin-secret-token";
inline constexpr const char* kStatsToken = "stats-secret-token";  // indicators:read only
inline constexpr const char* kLimitedToken = "limited-secret-token";  // feed:read, förbund forbund-a only
inline constexpr const char* kLimitedForbund = "forbund-a";

/// A finished exchange with its headers.
struct ApiResponse {
    int status = 0;
    std::string body;
    std::string contentType;
    Poco::Net::NameValueCollection headers;

    std::string header(const std::string& name) const { return headers.get(name, ""); }
};

/// The answer to the request just sent on `session`: status, headers, body.
inline ApiResponse receive(Poco::Net::HTTPClientSession& session) {
    Poco::Net::HTTPResponse response;
    std::istream& body = session.receiveResponse(response);
    ApiResponse result;
    result.status = static_cast<int>(response.getStatus());
    result.contentType = response.getContentType();
    for (const auto& [name, value] : response) {
        result.headers.add(name, value);
    }
    Poco::StreamCopier::copyToString(body, result.body);
    return result;
}

/// Fills the headers of a request to the API: a bearer token and Accept when given.
inline void prepare(Poco::Net::HTTPRequest& request, const std::string& token, const std::string& accept) {
    if (!token.empty()) {
        request.set("Authorization", std::string("Bearer ") + token);
    }
    if (!accept.empty()) {
        request.set("Accept", accept);
    }
}

/// One request over plain HTTP to 127.0.0.1:port, on a connection of its own.
inline ApiResponse apiCall(std::uint16_t port, const std::string& method, const std::string& target,
                           const std::string& token = "", const std::string& accept = "") {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(40, 0));  // above the longest long poll
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    prepare(request, token, accept);
    session.sendRequest(request);
    return receive(session);
}

struct ApiFixtureOptions {
    int maxLongPolls = 4;
    http::ServerTls tls{};
};

/// The objects core/app/hub_server.cpp wires for `serve`, with test tokens, on a fresh store of `backend`.
/// Requests must have ended before it is destroyed (ApiServer::stop does not wait for them).
class ApiFixture {
public:
    explicit ApiFixture(TestBackend backend, const ApiFixtureOptions& options = {})
        : store_(backend),
          database_(store_.open()),
          sessions_(store_.location(), 8),
          authenticator_(testTokens()),
          access_(sessions_),
          context_{sessions_, authenticator_, ready_, feedSignal_, access_, pages_, {}, {"forbund-csv"}, {},
                   options.maxLongPolls},
          server_(std::make_unique<http::ApiServer>(context_, "127.0.0.1:0", 8, options.tls)) {
        server_->start();
    }

    ~ApiFixture() {
        ready_.store(false);  // a long poll still waiting ends at its next look
        feedSignal_.notify();
        server_->stop();
    }

    static std::vector<config::TokenConfig> testTokens() {
        return {{"reader", common::sha256Hex(kReaderToken), {"feed:read"}, ""},
                {"admin", common::sha256Hex(kAdminToken), {"admin"}, ""},
                {"stats", common::sha256Hex(kStatsToken), {"indicators:read"}, ""},
                {"limited", common::sha256Hex(kLimitedToken), {"feed:read"}, kLimitedForbund}};
    }

    std::uint16_t port() const { return server_->port(); }

    ApiResponse get(const std::string& target, const std::string& token = "", const std::string& accept = "") const {
        return apiCall(port(), "GET", target, token, accept);
    }

    /// Commits one event per key (appendEvents: "forbund-x/…" an insats of forbund-x, else a person) and wakes
    /// long polls, as the ingest loop does after a batch.
    void append(const std::vector<std::string>& keys) {
        appendEvents(*database_, keys);
        feedSignal_.notify();
    }

    store::Database& database() { return *database_; }
    http::ApiContext& context() { return context_; }

private:
    TestStore store_;
    std::unique_ptr<store::Database> database_;  ///< migrates the store; the tests' writer
    store::SessionPool sessions_;
    http::TokenAuthenticator authenticator_;
    std::atomic<bool> ready_{true};
    feed::FeedSignal feedSignal_;
    http::AccessRecorder access_;
    feed::FeedPageCache pages_{64};
    http::ApiContext context_;
    std::unique_ptr<http::ApiServer> server_;
};

}  // namespace finsam::testing
