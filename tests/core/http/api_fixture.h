// tests/core/http/api_fixture.h — a real ApiServer in the test process, over a test store, with test tokens.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/common/hash.h"
#include "core/feed/feed_page_cache.h"
#include "core/feed/feed_signal.h"
#include "core/feed/feed_writer.h"
#include "core/http/access_recorder.h"
#include "core/http/api_server.h"
#include "core/http/token_authenticator.h"
#include "core/store/session_pool.h"
#include "tests/core/http/api_client.h"
#include "tests/support/test_store.h"

namespace finsam::testing {

// Test tokens; the hub keeps only their SHA-256. Their names are what the access audit records.
inline constexpr const char* kReaderToken = "reader-secret-token";
inline constexpr const char* kAdminToken = "admin-secret-token";
inline constexpr const char* kStatsToken = "stats-secret-token";  // indicators:read only
inline constexpr const char* kMetricsToken = "metrics-secret-token";  // metrics only
inline constexpr const char* kLimitedToken = "limited-secret-token";  // feed:read, förbund forbund-a only
inline constexpr const char* kLimitedForbund = "forbund-a";

/// A valid person_key (32 letters a–p), distinct for each n < 256.
inline std::string person(int n) {
    std::string key(32, 'a');
    key[30] = static_cast<char>('a' + n / 16 % 16);
    key[31] = static_cast<char>('a' + n % 16);
    return key;
}

/// Commits one event per key, each valid by its event schema: insats.upserted of förbund X for "X/<id>" keys
/// that start with "forbund-", person.upserted for person keys.
inline void appendEvents(store::Database& db, const std::vector<std::string>& keys) {
    std::vector<store::EntityChange> changes;
    for (const auto& key : keys) {
        store::EntityChange change;
        change.change = store::Change::kInserted;
        change.entityKey = key;
        if (key.rfind("forbund-", 0) == 0) {
            const auto slash = key.find('/');
            change.entity = "insats";
            change.payload = "{\"entity_key\":\"" + key + "\",\"organisation\":\"" + key.substr(0, slash) +
                             "\",\"insats_id\":\"" + key.substr(slash + 1) +
                             "\",\"namn\":\"Steg\",\"inriktning\":\"individinriktad\",\"uppfoljningsmetod\":"
                             "\"individ\",\"startdatum\":\"2025-01-01\"}";
        } else {
            change.entity = "person";
            change.payload =
                "{\"person_key\":\"" + key + "\",\"kon\":\"kvinna\",\"fodelsear\":1980,\"protected\":false}";
        }
        changes.push_back(std::move(change));
    }
    soci::transaction transaction(db.session());
    feed::FeedWriter(db).append(changes, 1);
    transaction.commit();
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
        context_.httpMetrics = &httpMetrics_;
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
                {"metrics", common::sha256Hex(kMetricsToken), {"metrics"}, ""},
                {"limited", common::sha256Hex(kLimitedToken), {"feed:read"}, kLimitedForbund}};
    }

    std::uint16_t port() const { return server_->port(); }

    ApiResponse get(const std::string& target, const std::string& token = "", const std::string& accept = "") const {
        return apiCall(port(), "GET", target, token, accept);
    }

    /// Commits one event per key (appendEvents) and wakes long polls, as the ingest loop does after a batch.
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
    feed::FeedPageCache pages_{8u << 20};
    http::HttpMetrics httpMetrics_;
    http::ApiContext context_;
    std::unique_ptr<http::ApiServer> server_;
};

}  // namespace finsam::testing
