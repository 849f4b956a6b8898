// tests/e2e/crash_recovery_test.cpp — SIGKILL an ingest at different points; the rerun equals a clean run.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <chrono>
#include <csignal>
#include <set>
#include <thread>

#include "core/feed/feed_reader.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/store_snapshot.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Starts `ingest --all` and kills it with SIGKILL after `delay`; true when it was still running then.
bool ingestKilledAfter(const std::string& config, std::chrono::milliseconds delay) {
    Poco::Pipe out, err;
    auto handle = Poco::Process::launch(FINSAM_HUB_BINARY, {"ingest", "--config", config, "--all"}, nullptr, &out, &err);
    std::this_thread::sleep_for(delay);
    const bool alive = Poco::Process::isRunning(handle);
    ::kill(handle.id(), SIGKILL);
    handle.wait();
    return alive;
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
    auto cleanDuration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);

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

INSTANTIATE_TEST_SUITE_P(Backends, CrashRecoveryTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
