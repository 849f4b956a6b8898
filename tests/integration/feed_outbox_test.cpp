// tests/integration/feed_outbox_test.cpp — several writers on one store give consumers one feed: a consumer at
// cursor N never misses an event that commits later with a lower seq (the outbox gap). Seqs are allocated under
// the sequence row's lock, which is held until commit, so commits happen in seq order and the feed is gap-free.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <Poco/Process.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "core/common/json.h"
#include "core/feed/feed_reader.h"
#include "core/feed/feed_writer.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;

// Follows the feed like a consumer and records every violation of "each read continues at cursor + 1".
class ConsumerWatch {
public:
    explicit ConsumerWatch(const TestStore& store) : database_(store.open()) {}

    // Reads until `done` is set and a final read finds nothing new.
    void follow(const std::atomic<bool>& done) {
        feed::FeedReader reader(*database_);
        while (true) {
            const bool finished = done.load();
            auto events = reader.read(cursor_, 1000);
            for (const auto& event : events) {
                if (event.seq != cursor_ + 1) {
                    gaps_.push_back("after " + std::to_string(cursor_) + " came " + std::to_string(event.seq));
                }
                cursor_ = event.seq;
                ++seen_;
            }
            ++reads_;
            if (events.empty() && finished) {
                return;
            }
        }
    }

    std::int64_t cursor() const { return cursor_; }
    std::int64_t seen() const { return seen_; }
    std::int64_t reads() const { return reads_; }
    const std::vector<std::string>& gaps() const { return gaps_; }

private:
    std::unique_ptr<store::Database> database_;
    std::int64_t cursor_ = 0, seen_ = 0, reads_ = 0;
    std::vector<std::string> gaps_;
};

class FeedOutboxTest : public ::testing::TestWithParam<TestBackend> {};

// Writers that hold their transaction open for a while after taking their seqs: without the lock held to
// commit, a later writer's higher seqs would become visible first and the consumer would skip the lower ones.
TEST_P(FeedOutboxTest, ConcurrentWritersNeverLetAConsumerSkipAnEvent) {
    TestStore store(GetParam());
    constexpr int kWriters = 3, kTransactions = 60, kEventsPerTransaction = 25;
    std::atomic<bool> done{false};
    std::atomic<int> failures{0};
    auto writer = [&](int id) {
        try {
            auto database = store.open();
            std::mt19937 random(static_cast<unsigned>(id));
            for (int t = 0; t < kTransactions; ++t) {
                std::vector<store::EntityChange> changes;
                for (int e = 0; e < kEventsPerTransaction; ++e) {
                    const std::string key = "af/W" + std::to_string(id) + "-" + std::to_string(t) + "-" +
                                            std::to_string(e);
                    changes.push_back({store::Change::kInserted, "ersattningsperiod", key,
                                       "{\"entity_key\":" + common::jsonQuote(key) +
                                           ",\"organisation\":\"af\",\"person_key\":null,\"ersattningstyp\":"
                                           "\"aktivitetsstod\",\"omfattning\":100,\"from_datum\":\"2024-01-01\"}"});
                }
                soci::transaction transaction(database->session());
                feed::FeedWriter(*database).append(changes, id * 1000 + t);
                std::this_thread::sleep_for(std::chrono::microseconds(random() % 3000));
                transaction.commit();
            }
        } catch (const std::exception& e) {
            ADD_FAILURE() << "writer " << id << ": " << e.what();
            ++failures;
        }
    };
    ConsumerWatch consumer(store);
    std::thread follower([&] { consumer.follow(done); });
    std::vector<std::thread> writers;
    for (int id = 1; id <= kWriters; ++id) {
        writers.emplace_back(writer, id);
    }
    for (auto& thread : writers) {
        thread.join();
    }
    done = true;
    follower.join();
    ASSERT_EQ(failures.load(), 0);
    EXPECT_TRUE(consumer.gaps().empty()) << consumer.gaps().front();
    EXPECT_EQ(consumer.seen(), kWriters * kTransactions * kEventsPerTransaction);
    EXPECT_EQ(consumer.cursor(), consumer.seen());
    EXPECT_GT(consumer.reads(), 10);  // it really followed while the writers wrote
}

// Two hub processes ingesting different partners into one store at once, as two `serve` instances would.
TEST_P(FeedOutboxTest, TwoHubInstancesIngestingAtOnceGiveOneGapFreeFeed) {
    TestStore store(GetParam());
    TempDir dir, world;
    const std::string binary = (fs::path(FINSAM_HUB_BINARY).parent_path() / "finsam-gen").string();
    ASSERT_EQ(Poco::Process::launch(binary, {"all", "--out", world.path().string(), "--seed", "5",
                                             "--participants", "200"}).wait(), 0);
    const std::string mappings = std::string(FINSAM_SOURCE_DIR) + "/config/mappings/";
    const std::string root = world.path().string();
    ConnectorInstance forbund{"forbund", "forbund-csv", "forbund-sthlm", mappings + "forbund-csv.json",
                              [root](const std::string&) {
                                  return "{\"drop_dir\":" + common::jsonQuote(root + "/forbund") + "}";
                              }};
    ConnectorInstance af{"af", "af-csv", "af", mappings + "af-csv.json", [root](const std::string&) {
                             return "{\"drop_dir\":" + common::jsonQuote(root + "/af") +
                                    ",\"forbund_orgnr\":\"2220001230\"}";
                         }};
    ConnectorInstance fk{"fk", "fk-fixed", "fk", mappings + "fk-fixed.json", [root](const std::string&) {
                             return "{\"drop_dir\":" + common::jsonQuote(root + "/fk") +
                                    ",\"receiver_orgnr\":\"2220001230\"}";
                         }};
    // Small batches: many interleaved commits.
    HubFiles first = writeHubConfigFor(dir, store, std::vector<ConnectorInstance>{forbund}, "first.json", 20);
    HubFiles second = writeHubConfigFor(dir, store, std::vector<ConnectorInstance>{af, fk}, "second.json", 20);

    std::atomic<bool> done{false};
    ConsumerWatch consumer(store);
    std::thread follower([&] { consumer.follow(done); });
    Poco::ProcessHandle a = Poco::Process::launch(FINSAM_HUB_BINARY, {"ingest", "--config", first.configFile, "--all"});
    Poco::ProcessHandle b =
        Poco::Process::launch(FINSAM_HUB_BINARY, {"ingest", "--config", second.configFile, "--all"});
    const int exitA = a.wait(), exitB = b.wait();
    done = true;
    follower.join();
    ASSERT_EQ(exitA, 0);
    ASSERT_EQ(exitB, 0);
    auto database = store.open();
    const std::int64_t head = feed::FeedReader(*database).head();
    EXPECT_GT(head, 500);
    EXPECT_TRUE(consumer.gaps().empty()) << consumer.gaps().front();
    EXPECT_EQ(consumer.seen(), head);
    EXPECT_EQ(feed::FeedReader(*database).count(), head);
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedOutboxTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
