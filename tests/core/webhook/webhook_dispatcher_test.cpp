// tests/core/webhook/webhook_dispatcher_test.cpp — real dispatchers, a real store (both backends) and real
// receiving HTTP servers: order, signatures, cursor only on 2xx, redelivery, back-off, leases, filters, stop.
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/webhook_dispatcher.h"

#include <gtest/gtest.h>

#include <set>

#include "core/webhook/subscriber_store.h"
#include "tests/core/webhook/webhook_fixtures.h"

namespace finsam::testing {
namespace {

using std::chrono::milliseconds;

const webhook::DispatchTiming kFast{milliseconds(3000), milliseconds(50), milliseconds(20)};

class WebhookDispatcherTest : public ::testing::TestWithParam<TestBackend> {
protected:
    WebhookDispatcherTest() : store_(GetParam()), db_(store_.open()) {}

    std::unique_ptr<webhook::WebhookDispatcher> dispatcher(const std::vector<config::WebhookConfig>& subscribers,
                                                           webhook::DispatchTiming timing = kFast) {
        return std::make_unique<webhook::WebhookDispatcher>(subscribers, dir_.path().string(), store_.location(),
                                                            signal_, timing);
    }

    webhook::SubscriberRow row(const std::string& id) { return *webhook::SubscriberStore(*db_).find(id); }

    TempDir dir_;
    TestStore store_;
    std::unique_ptr<store::Database> db_;
    feed::FeedSignal signal_;
};

TEST_P(WebhookDispatcherTest, DeliversEveryEventInOrderInSignedBatches) {
    LoopbackServer receiver(answering([](std::size_t) { return 200; }));
    auto subscriber = subscriberOf(dir_, "a", receiver.url("/hook"));
    subscriber.batchSize = 2;
    appendEvents(*db_, {"p1", "p2", "p3", "p4", "p5"});
    auto hub = dispatcher({subscriber});
    hub->start();
    ASSERT_TRUE(eventually([&] { return row("a").cursor == 5; }));

    auto deliveries = deliveriesTo(receiver);
    ASSERT_EQ(deliveries.size(), 3u);
    std::vector<std::int64_t> seqs;
    std::set<std::string> deliveryIds;
    std::int64_t after = 0;
    for (const auto& delivery : deliveries) {
        EXPECT_TRUE(delivery.signatureValid) << delivery.body;
        EXPECT_LE(delivery.seqs.size(), 2u);
        EXPECT_EQ(delivery.seqs.front(), after + 1);
        EXPECT_EQ(delivery.nextAfter, delivery.seqs.back());
        after = delivery.nextAfter;
        seqs.insert(seqs.end(), delivery.seqs.begin(), delivery.seqs.end());
        deliveryIds.insert(delivery.deliveryId);
    }
    EXPECT_EQ(seqs, (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
    EXPECT_EQ(deliveryIds.size(), 3u) << "each delivery has its own id";
    const auto request = receiver.requests().front();
    EXPECT_EQ(request.uri, "/hook");
    EXPECT_EQ(request.header("X-Finsam-Subscriber"), "a");
    EXPECT_EQ(row("a").deliveredEvents, 5);

    // New events are delivered after the signal, without a restart.
    appendEvents(*db_, {"p6"});
    signal_.notify();
    ASSERT_TRUE(eventually([&] { return row("a").cursor == 6; }));
    EXPECT_EQ(deliveriesTo(receiver).back().seqs, (std::vector<std::int64_t>{6}));
}

TEST_P(WebhookDispatcherTest, CursorMovesOnlyOn2xxAndAFailedBatchIsSentAgainWhole) {
    // A 500, a 404 and a redirect are all failures; then 500s until the receiver is fixed.
    std::atomic<bool> fixed{false};
    LoopbackServer receiver(answering([&fixed](std::size_t n) {
        return n == 0 ? 500 : n == 1 ? 404 : n == 2 ? 302 : fixed ? 200 : 500;
    }));
    appendEvents(*db_, {"p1", "p2", "p3"});
    auto hub = dispatcher({subscriberOf(dir_, "a", receiver.url("/hook?token=query-secret"))});
    hub->start();
    ASSERT_TRUE(eventually([&] { return row("a").consecutiveFailures >= 4; }));
    auto failed = row("a");
    EXPECT_EQ(failed.cursor, 0);
    EXPECT_EQ(failed.deliveredEvents, 0);
    EXPECT_NE(failed.lastError.find("HTTP 500"), std::string::npos) << failed.lastError;
    EXPECT_EQ(failed.lastError.find("query-secret"), std::string::npos) << failed.lastError;
    EXPECT_FALSE(failed.nextAttemptAt.empty());
    EXPECT_TRUE(failed.lastSuccessAt.empty());

    fixed = true;
    ASSERT_TRUE(eventually([&] { return row("a").cursor == 3; }));
    auto deliveries = deliveriesTo(receiver);
    ASSERT_GE(deliveries.size(), 5u);
    for (const auto& delivery : deliveries) {
        EXPECT_EQ(delivery.seqs, (std::vector<std::int64_t>{1, 2, 3})) << "the same batch each time";
        EXPECT_EQ(delivery.eventIds, deliveries.front().eventIds);
        EXPECT_TRUE(delivery.signatureValid);
    }
    EXPECT_NE(deliveries.front().deliveryId, deliveries.back().deliveryId);
    auto recovered = row("a");
    EXPECT_EQ(recovered.consecutiveFailures, 0);
    EXPECT_EQ(recovered.lastError, "");
    EXPECT_EQ(recovered.deliveredEvents, 3);
}

TEST_P(WebhookDispatcherTest, RetriesARefusedConnectionUntilTheReceiverComesUp) {
    std::uint16_t port = 0;
    {
        LoopbackServer gone;  // takes a free port and gives it back: nothing listens there now
        port = gone.port();
    }
    appendEvents(*db_, {"p1", "p2"});
    auto subscriber = subscriberOf(dir_, "a", "http://hub:pw@127.0.0.1:" + std::to_string(port) + "/hook");
    auto hub = dispatcher({subscriber});
    hub->start();
    ASSERT_TRUE(eventually([&] { return row("a").consecutiveFailures >= 3; }));
    const auto failing = row("a");
    EXPECT_EQ(failing.cursor, 0);
    EXPECT_FALSE(failing.lastError.empty());
    EXPECT_EQ(failing.lastError.find("pw@"), std::string::npos) << failing.lastError;
    EXPECT_EQ(failing.lastError.find(kWebhookSecret), std::string::npos) << failing.lastError;

    LoopbackServer receiver(answering([](std::size_t) { return 204; }), LoopbackServerOptions{.port = port});
    ASSERT_TRUE(eventually([&] { return row("a").cursor == 2; }));
    EXPECT_TRUE(deliveriesTo(receiver).back().signatureValid);
}

TEST_P(WebhookDispatcherTest, ADeadSubscriberDoesNotHoldUpAnother) {
    auto slow = std::make_unique<LoopbackServer>();
    slow->setHandler([server = slow.get()](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
        server->respondSlowly(response, milliseconds(5000), 200);
    });
    LoopbackServer fast(answering([](std::size_t) { return 200; }));
    auto stuck = subscriberOf(dir_, "stuck", slow->url("/"));
    stuck.timeoutSeconds = 3;
    appendEvents(*db_, {"p1"});
    auto hub = dispatcher({stuck, subscriberOf(dir_, "quick", fast.url("/"))});
    hub->start();
    ASSERT_TRUE(slow->waitForRequests(1));
    appendEvents(*db_, {"p2"});
    signal_.notify();
    ASSERT_TRUE(eventually([&] { return row("quick").cursor == 2; }, milliseconds(1500)))
        << "the other subscriber's POST is still in flight";
    EXPECT_EQ(row("stuck").cursor, 0);
    slow.reset();  // answers the POST in flight now, so the test need not wait out its timeout
}

TEST_P(WebhookDispatcherTest, OnlyTheLeaseHolderDeliversAndAnotherTakesOverWhenItStops) {
    LoopbackServer receiver(answering([](std::size_t) { return 200; }));
    auto subscriber = subscriberOf(dir_, "a", receiver.url("/"));
    subscriber.batchSize = 1;
    appendEvents(*db_, {"p1", "p2", "p3", "p4"});
    auto first = dispatcher({subscriber});
    auto second = dispatcher({subscriber});
    first->start();
    second->start();
    ASSERT_TRUE(eventually([&] { return row("a").cursor == 4; }));
    std::this_thread::sleep_for(milliseconds(200));  // a second deliverer would have sent something by now
    std::vector<std::int64_t> seqs;
    for (const auto& delivery : deliveriesTo(receiver)) {
        seqs.insert(seqs.end(), delivery.seqs.begin(), delivery.seqs.end());
    }
    EXPECT_EQ(seqs, (std::vector<std::int64_t>{1, 2, 3, 4})) << "each event once: one deliverer";

    const std::string holder = row("a").owner;
    ASSERT_TRUE(holder == first->owner() || holder == second->owner()) << holder;
    auto& leaving = holder == first->owner() ? first : second;
    const std::string staying = holder == first->owner() ? second->owner() : first->owner();
    leaving->stop();
    appendEvents(*db_, {"p5"});
    signal_.notify();
    ASSERT_TRUE(eventually([&] { return row("a").cursor == 5; }));
    EXPECT_EQ(row("a").owner, staying);
    EXPECT_EQ(deliveriesTo(receiver).size(), 5u);
}

TEST_P(WebhookDispatcherTest, DeliversOnlyWhatPassesTheSubscribersFilter) {
    LoopbackServer receiver(answering([](std::size_t) { return 200; }));
    auto subscriber = subscriberOf(dir_, "a", receiver.url("/"));
    subscriber.types = {"insats.upserted"};
    subscriber.forbund = "forbund-a";
    appendEvents(*db_, {"p1", "forbund-a/I1", "forbund-b/I2", "p2", "forbund-a/I3"});
    auto hub = dispatcher({subscriber});
    hub->start();
    ASSERT_TRUE(eventually([&] { return row("a").cursor == 5; }));
    std::vector<std::string> keys;
    for (const auto& delivery : deliveriesTo(receiver)) {
        keys.insert(keys.end(), delivery.keys.begin(), delivery.keys.end());
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"forbund-a/I1", "forbund-a/I3"}));
    EXPECT_EQ(row("a").deliveredEvents, 2);
}

TEST_P(WebhookDispatcherTest, StopsPromptlyWhileBackingOffAndWhileIdle) {
    LoopbackServer failing(answering([](std::size_t) { return 503; }));
    LoopbackServer idle(answering([](std::size_t) { return 200; }));
    auto backingOff = subscriberOf(dir_, "down", failing.url("/"));
    backingOff.maxBackoffSeconds = 600;
    appendEvents(*db_, {"p1"});
    auto hub = dispatcher({backingOff, subscriberOf(dir_, "idle", idle.url("/"))},
                          {milliseconds(30000), milliseconds(1000), milliseconds(60000)});
    hub->start();
    ASSERT_TRUE(eventually([&] { return row("down").consecutiveFailures >= 1 && row("idle").cursor == 1; }));
    const auto started = std::chrono::steady_clock::now();
    hub->stop();
    EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(500));
    EXPECT_EQ(row("down").owner, "") << "the lease is given up for another instance";
}

TEST_P(WebhookDispatcherTest, AnUnreadableSecretStopsTheStartNamingTheFileOnly) {
    auto subscriber = subscriberOf(dir_, "a", "http://127.0.0.1:9/");
    subscriber.secretFile = dir_.file("missing.secret");
    try {
        dispatcher({subscriber});
        FAIL() << "a missing secret must stop the start";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("webhook a"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("missing.secret"), std::string::npos) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, WebhookDispatcherTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
