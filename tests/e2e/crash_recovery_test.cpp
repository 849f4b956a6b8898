// tests/e2e/crash_recovery_test.cpp — SIGKILL the hub at random points and restart it; it ends exactly where an
// uninterrupted run ends: the same store, the same feed (no event lost, none twice), the same indicators, and a
// webhook subscriber that got every event (de-duplicated by id).
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <thread>

#include "core/common/json.h"
#include "core/feed/feed_reader.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/store_snapshot.h"
#include "tests/support/test_store.h"
#include "tests/support/webhook_receiver.h"

namespace finsam::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr const char* kHookSecret = "whsec-crash-0123456789abcdef";

// Starts `ingest --all` and kills it with SIGKILL after `delay`; true when it was still running then.
bool ingestKilledAfter(const std::string& config, milliseconds delay) {
    Poco::Pipe out, err;
    auto handle = Poco::Process::launch(FINSAM_HUB_BINARY, {"ingest", "--config", config, "--all"}, nullptr, &out, &err);
    std::this_thread::sleep_for(delay);
    const bool alive = Poco::Process::isRunning(handle);
    ::kill(handle.id(), SIGKILL);
    handle.wait();
    return alive;
}

// The national indicators of the world's förbund over its whole span, as the CLI prints them.
std::string indicatorsOf(const std::string& config) {
    auto result = runHub({"indicators", "--config", config, "--forbund", "forbund-sthlm", "--from", "2015-01-01",
                          "--to", "2026-06-30", "--period", "year", "--format", "json", "--as-of", "2026-07-01"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    return result.out;
}

class CrashRecoveryTest : public ::testing::TestWithParam<TestBackend> {};

TEST_P(CrashRecoveryTest, KilledIngestsReplayToExactlyTheCleanState) {
    TempDir dir;
    TestStore cleanStore(GetParam());
    TestStore crashedStore(GetParam());
    HubFiles clean = writeHubConfig(dir, cleanStore, "clean.json");
    HubFiles crashed = writeHubConfig(dir, crashedStore, "crashed.json");
    copyDropSet(generateForbund(dir.file("generated"), 23, 2500), clean.dropDir);

    auto started = Clock::now();
    auto reference = runHub({"ingest", "--config", clean.configFile, "--all"});
    ASSERT_EQ(reference.exitCode, 0) << reference.err;
    auto cleanDuration = std::chrono::duration_cast<milliseconds>(Clock::now() - started);

    // Kill points spread over a clean run's duration: while starting, parsing, and mid-transaction.
    constexpr int kKills = 7;
    int hits = 0;
    for (int i = 0; i < kKills; ++i) {
        hits += ingestKilledAfter(crashed.configFile, cleanDuration * (i + 1) / (kKills + 2)) ? 1 : 0;
    }
    EXPECT_GE(hits, 5) << "kills must land in running ingests (clean run took " << cleanDuration.count() << " ms)";
    auto finish = runHub({"ingest", "--config", crashed.configFile, "--all"});
    ASSERT_EQ(finish.exitCode, 0) << finish.err;

    auto cleanDb = cleanStore.open();
    auto crashedDb = crashedStore.open();
    EXPECT_EQ(canonicalSnapshot(*crashedDb), canonicalSnapshot(*cleanDb));

    // No event twice: event ids are unique and seqs have no holes.
    const auto events = feed::FeedReader(*cleanDb).count();
    expectEachEventOnce(*crashedDb, events);

    // And running again over the same set changes nothing.
    auto again = runHub({"ingest", "--config", crashed.configFile, "--all"});
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_EQ(feed::FeedReader(*crashedDb).count(), events);
}

// The daemon: three connectors run by its scheduler one after another, its feed pushed to a webhook subscriber,
// killed 20 times at random moments and restarted; then left to finish.
TEST_P(CrashRecoveryTest, AKilledAndRestartedDaemonEndsInTheCleanStoreFeedAndIndicators) {
    TempDir dir;
    const std::string world = generateWorld(dir.file("world"), 29, 400);
    TestStore cleanStore(GetParam());
    TestStore crashedStore(GetParam());
    HubFiles clean = writeHubConfigFor(dir, cleanStore, worldFileConnectors(world), "clean.json", 100);
    HubFiles crashed = writeHubConfigFor(dir, crashedStore, worldFileConnectors(world), "crashed.json", 100);

    const auto started = Clock::now();
    auto reference = runHub({"ingest", "--config", clean.configFile, "--all"});
    ASSERT_EQ(reference.exitCode, 0) << reference.err;
    const auto cleanDuration = std::chrono::duration_cast<milliseconds>(Clock::now() - started);

    WebhookReceiver receiver(kHookSecret);
    sdk::testkit::writeSecretFile(dir.file("hook.secret"), std::string(kHookSecret) + "\n");
    addWebhooks(crashed.configFile, R"([{"id":"dash","url":")" + receiver.url() +
                                        R"(","secret_file":"hook.secret","batch_size":10}])");
    // One run at a time, in config order, each connector once: the clean run's order, so the feeds compare
    // event for event. A run killed with its process is resumed at once (scheduler::nextRunFromHistory).
    rapidjson::Document config = common::readJsonFile(crashed.configFile);
    config["ingest"]["poll_seconds"].SetInt(3600);
    rapidjson::Value scheduler(rapidjson::kObjectType);
    scheduler.AddMember("max_concurrent_runs", 1, config.GetAllocator());
    config.AddMember("scheduler", scheduler, config.GetAllocator());
    std::ofstream(crashed.configFile, std::ios::trunc) << common::toJson(config);

    auto monitor = crashedStore.open();
    auto runsInFlight = [&] {
        std::int64_t running = 0;
        monitor->session() << "SELECT COUNT(*) FROM connector_run WHERE status = 'running'", soci::into(running);
        return running;
    };
    const std::uint32_t seed = std::random_device{}();
    std::mt19937 random(seed);
    auto batches = [&] {
        std::int64_t committed = 0;
        monitor->session() << "SELECT COUNT(*) FROM batch", soci::into(committed);
        return committed;
    };
    auto ingestDone = [&] {
        std::int64_t connectorsDone = 0;
        monitor->session() << "SELECT COUNT(DISTINCT connector) FROM connector_run WHERE status = 'ok'",
            soci::into(connectorsDone);
        return connectorsDone == 3;
    };
    // A life lasts up to `longest`, which follows how long a batch takes here (the förbund set is one batch; a
    // loaded machine is slow, a plain optimised build fast): every life moves on, and the later ones fall while
    // the subscriber catches up (it takes small batches) or on an idle hub.
    constexpr long kShortestLife = 100;  // ms after the daemon listens: a run starts well within it
    long longest = std::max<long>(kShortestLife, cleanDuration.count() / 4);
    auto latestRun = [&] {
        std::int64_t id = 0;
        soci::indicator present = soci::i_null;
        monitor->session() << "SELECT MAX(id) FROM connector_run", soci::into(id, present);
        return present == soci::i_ok ? id : 0;
    };
    // The first lives end while a run of their own is in flight (up to 10 ms after it starts): the ingest is cut
    // mid-run several times however fast this build is. Random lives alone can let a few long ones finish it.
    constexpr int kLivesCutMidRun = 6;
    // The next lives end while committed events wait for the subscriber, polled every 2 ms: random lives alone
    // can all fall while it is caught up (it was, for all but one of 20, on a quiet CI machine).
    constexpr int kLivesCutMidDelivery = 3;
    auto deliveriesPending = [&] {
        const auto committed = static_cast<std::size_t>(feed::FeedReader(*monitor).count());
        return committed > 0 && idsOf(receiver.accepted()).size() < committed;
    };
    int killsMidRun = 0;
    int killsMidDelivery = 0;
    for (int kill = 0; kill < 20; ++kill) {
        const auto committedBefore = batches();
        const auto runBefore = latestRun();
        ServeProcess hub(crashed.configFile);
        if (kill < kLivesCutMidRun) {
            // Polled every 2 ms (waitUntil's 100 ms lets a whole run pass on a fast build).
            const auto giveUp = Clock::now() + std::chrono::seconds(120);
            while (!(latestRun() != runBefore && runsInFlight() > 0) && !ingestDone() && Clock::now() < giveUp) {
                std::this_thread::sleep_for(milliseconds(2));
            }
            std::this_thread::sleep_for(milliseconds(std::uniform_int_distribution<long>(0, 10)(random)));
        } else if (kill < kLivesCutMidRun + kLivesCutMidDelivery) {
            const auto giveUp = Clock::now() + std::chrono::seconds(60);
            while (!deliveriesPending() && Clock::now() < giveUp) {
                std::this_thread::sleep_for(milliseconds(2));
            }
        } else {
            std::this_thread::sleep_for(
                milliseconds(std::uniform_int_distribution<long>(longest / 5, longest)(random)));
        }
        const bool midRun = runsInFlight() > 0;
        const bool midDelivery = deliveriesPending();
        hub.kill();
        killsMidRun += midRun ? 1 : 0;
        killsMidDelivery += midDelivery ? 1 : 0;
        // Near the time a batch takes: shorter after a life that committed one, longer after one that could not
        // while there was work left (it died starting up, or mid-batch).
        if (batches() != committedBefore) {
            longest = std::max<long>(kShortestLife, longest / 2);
        } else if (midRun || !ingestDone()) {
            longest = std::min<long>(longest * 2, std::max<long>(500, cleanDuration.count() * 4));
        }
    }
    std::cout << "[ crash    ] 20 kills (seed " << seed << "): " << killsMidRun << " mid-run, " << killsMidDelivery
              << " with deliveries pending; clean ingest " << cleanDuration.count() << " ms\n";
    EXPECT_GE(killsMidRun, 3) << "seed " << seed;
    EXPECT_GE(killsMidDelivery, 2) << "seed " << seed;

    ServeProcess hub(crashed.configFile);
    auto allDone = [&] {
        return ingestDone() && runsInFlight() == 0 &&
               idsOf(receiver.accepted()) == idsOf(expectedEvents(crashedStore, {}));
    };
    ASSERT_TRUE(waitUntil(allDone, 300)) << hub.log();
    EXPECT_EQ(hub.stop(), 0) << hub.log();

    auto cleanDb = cleanStore.open();
    const std::string expected = canonicalSnapshot(*cleanDb);
    const std::string actual = canonicalSnapshot(*monitor);
    EXPECT_TRUE(actual == expected) << snapshotDifference(expected, actual);
    const auto events = feed::FeedReader(*cleanDb).count();
    expectEachEventOnce(*monitor, events);
    EXPECT_EQ(idsOf(receiver.accepted()).size(), static_cast<std::size_t>(events)) << "every event delivered";
    EXPECT_EQ(receiver.badSignatures(), 0);
    EXPECT_EQ(indicatorsOf(crashed.configFile), indicatorsOf(clean.configFile));
}

INSTANTIATE_TEST_SUITE_P(Backends, CrashRecoveryTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
