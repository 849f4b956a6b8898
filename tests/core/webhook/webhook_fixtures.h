// tests/core/webhook/webhook_fixtures.h — events in a real store, a real receiving HTTP server, subscriber configs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "core/config/hub_config.h"
#include "core/feed/feed_writer.h"
#include "core/store/database.h"
#include "core/webhook/signature.h"
#include "tests/support/loopback_server.h"
#include "tests/support/test_store.h"

namespace finsam::testing {

inline constexpr const char* kWebhookSecret = "whsec-0123456789abcdef";

/// A pseudonym-shaped person key for a short test name ("p1" -> 32 letters a..p), as the feed's schemas demand.
inline std::string personKeyFor(const std::string& name) {
    std::string key(32, 'a');
    for (std::size_t i = 0; i < name.size() && i < key.size(); ++i) {
        key[key.size() - 1 - i] = static_cast<char>('a' + static_cast<unsigned char>(name[name.size() - 1 - i]) % 16);
    }
    return key;
}

/// Appends one committed event per key: person.upserted for "p…" keys, insats.upserted (of the förbund before
/// the '/') for "forbund-…/…" keys. Payloads are valid events (ctest validates every event against its schema).
inline void appendEvents(store::Database& db, const std::vector<std::string>& keys) {
    std::vector<store::EntityChange> changes;
    for (const auto& key : keys) {
        store::EntityChange change;
        change.change = store::Change::kInserted;
        if (key.rfind("forbund-", 0) == 0) {
            const auto slash = key.find('/');
            change.entity = "insats";
            change.entityKey = key;
            change.payload = "{\"entity_key\":\"" + key + "\",\"organisation\":\"" + key.substr(0, slash) +
                             "\",\"insats_id\":\"" + key.substr(slash + 1) +
                             "\",\"namn\":\"Test\",\"inriktning\":\"individinriktad\",\"uppfoljningsmetod\":"
                             "\"individ\",\"startdatum\":\"2024-01-01\"}";
        } else {
            change.entity = "person";
            change.entityKey = personKeyFor(key);
            change.payload = "{\"person_key\":\"" + change.entityKey +
                             "\",\"kon\":\"kvinna\",\"fodelsear\":1990,\"protected\":false}";
        }
        changes.push_back(std::move(change));
    }
    soci::transaction transaction(db.session());
    feed::FeedWriter(db).append(changes, 1);
    transaction.commit();
}

/// A subscriber of `url` whose secret is in dir/<id>.secret (written with surrounding whitespace, which the
/// hub strips).
inline config::WebhookConfig subscriberOf(const TempDir& dir, const std::string& id, const std::string& url) {
    sdk::testkit::writeSecretFile(dir.file(id + ".secret"), "  " + std::string(kWebhookSecret) + "\n");
    config::WebhookConfig subscriber;
    subscriber.id = id;
    subscriber.url = url;
    subscriber.secretFile = dir.file(id + ".secret");
    subscriber.batchSize = 100;
    subscriber.timeoutSeconds = 2;
    subscriber.maxBackoffSeconds = 1;
    return subscriber;
}

/// A delivery as the receiver saw it, with its signature checked the way docs/webhooks.md tells receivers to.
struct Delivery {
    std::string deliveryId;
    std::string body;
    bool signatureValid = false;
    std::vector<std::int64_t> seqs;
    std::vector<std::string> eventIds;
    std::vector<std::string> keys;
    std::int64_t nextAfter = -1;
};

inline Delivery deliveryOf(const RecordedRequest& request) {
    Delivery delivery;
    delivery.deliveryId = request.header("X-Finsam-Delivery");
    delivery.body = request.body;
    delivery.signatureValid =
        request.method == "POST" && request.header("Content-Type") == "application/json" &&
        request.header("X-Finsam-Signature") ==
            webhook::signatureOf(kWebhookSecret, request.header("X-Finsam-Timestamp"), request.body);
    rapidjson::Document page;
    page.Parse(request.body.c_str());
    if (page.HasParseError() || !page.IsObject() || !page.HasMember("events")) {
        return delivery;
    }
    for (const auto& event : page["events"].GetArray()) {
        delivery.seqs.push_back(event["seq"].GetInt64());
        delivery.eventIds.emplace_back(event["id"].GetString());
        delivery.keys.emplace_back(event["key"].GetString());
    }
    delivery.nextAfter = page["next_after"].GetInt64();
    return delivery;
}

/// A receiver answering `statusOf(n)` to its n-th request (0-based).
inline LoopbackServer::Handler answering(std::function<int(std::size_t)> statusOf) {
    auto counter = std::make_shared<std::atomic<std::size_t>>(0);
    return [counter, statusOf](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
        LoopbackServer::reply(response, statusOf((*counter)++), "{}");
    };
}

inline std::vector<Delivery> deliveriesTo(const LoopbackServer& receiver) {
    std::vector<Delivery> out;
    for (const auto& request : receiver.requests()) {
        out.push_back(deliveryOf(request));
    }
    return out;
}

/// Polls `done` every 10 ms until it holds or `limit` passes.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = std::chrono::seconds(5)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace finsam::testing
