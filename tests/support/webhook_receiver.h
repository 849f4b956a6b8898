// tests/support/webhook_receiver.h — a webhook subscriber for tests: a loopback server that checks each POST's
// signature and keeps the events of the pages it accepted, in arrival order; and the feed they should equal.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/feed/feed_reader.h"
#include "tests/support/loopback_server.h"
#include "tests/support/test_store.h"

namespace finsam::testing {

struct Event {
    std::int64_t seq = 0;
    std::string id;
    std::string key;
};

class WebhookReceiver {
public:
    explicit WebhookReceiver(std::string secret);

    std::string url() const { return server_.url("/finsam/hook"); }
    /// While down, every POST is answered 503 and nothing is kept.
    void setUp(bool up) { up_ = up; }
    std::vector<Event> accepted() const;
    int badSignatures() const { return badSignatures_; }
    int refused() const { return refused_; }
    /// Every accepted request body, concatenated (for leak scans).
    std::string bodies() const;

private:
    void receive(const RecordedRequest& request, Poco::Net::HTTPServerResponse& response);

    const std::string secret_;
    std::atomic<bool> up_{true};
    std::atomic<int> badSignatures_{0};
    std::atomic<int> refused_{0};
    mutable std::mutex mutex_;
    std::vector<Event> accepted_;
    std::string bodies_;
    LoopbackServer server_;  // last: its threads call receive()
};

/// Adds a `webhooks` section (a JSON array) to the hub.json a fixture wrote.
void addWebhooks(const std::string& configFile, const std::string& webhooksJson);

/// Every event of the store passing `filter`, in seq order.
std::vector<Event> expectedEvents(const TestStore& store, const feed::FeedFilter& filter);

std::set<std::string> idsOf(const std::vector<Event>& events);

}  // namespace finsam::testing
