// tests/e2e/database_faults_test.cpp — the store fails under a running hub: PostgreSQL stops mid-ingest and
// mid-read and comes back; a SQLite disk fills up. The hub says so, refuses nothing half-done, retries, and ends
// in the clean run's state.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <sys/mount.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "core/common/json.h"
#include "core/feed/feed_reader.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/store_snapshot.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

using Clock = std::chrono::steady_clock;

void editHubJson(const std::string& file, const std::function<void(rapidjson::Document&)>& edit) {
    rapidjson::Document config = common::readJsonFile(file);
    edit(config);
    std::ofstream(file, std::ios::trunc) << common::toJson(config);
}

std::int64_t committedBatches(const TestStore& store) {
    try {
        auto db = store.open();
        std::int64_t batches = 0;
        db->session() << "SELECT COUNT(*) FROM batch", soci::into(batches);
        return batches;
    } catch (const std::exception&) {
        return -1;
    }
}

std::string lastRunStatus(std::uint16_t port, const std::string& connector) {
    auto response = httpGet(port, "/v1/admin/connectors/" + connector, kAdminToken);
    if (response.status != 200) {
        return "";
    }
    auto c = parseJsonBody(response.body);
    if (!c["last_run"].IsObject() || std::string(c["state"].GetString()) == "running") {
        return "";
    }
    return c["last_run"]["status"].GetString();
}

TEST(DatabaseFaultsTest, PostgresStoppedMidIngestAndMidReadIsWaitedOutAndTheRunEndsClean) {
    TempDir dir;
    PrivatePostgres server;
    TestStore store(TestBackend::kPostgresql, server.connection());
    TestStore cleanStore(TestBackend::kPostgresql);
    // FK's batch files: one committed batch each, so the outage falls between and inside batches.
    const std::string fk = generateFk(dir.file("generated"), 20000, 200);
    HubFiles files = writeHubConfigFor(dir, store, fkConnector(fk));
    HubFiles clean = writeHubConfigFor(dir, cleanStore, fkConnector(fk), "clean.json");
    copyDropSet(fk, files.dropDir);
    ASSERT_EQ(runHub({"ingest", "--config", clean.configFile, "--all"}).exitCode, 0);
    editHubJson(files.configFile, [](rapidjson::Document& d) {
        rapidjson::Value scheduler(rapidjson::kObjectType);
        scheduler.AddMember("retry_base_seconds", 1, d.GetAllocator());
        scheduler.AddMember("retry_max_seconds", 2, d.GetAllocator());
        d.AddMember("scheduler", scheduler, d.GetAllocator());
    });

    ServeProcess hub(files.configFile);
    ASSERT_TRUE(waitUntil([&] { return committedBatches(store) >= 3; }, 120)) << hub.log();
    ASSERT_EQ(httpGet(hub.port(), "/v1/feed?after=0&limit=10", kReaderToken).status, 200);

    server.halt();  // mid-ingest: the run in flight fails its batch
    EXPECT_TRUE(waitUntil([&] { return httpGet(hub.port(), "/readyz").status == 503; }, 20)) << hub.log();
    // A page read before is served from memory; anything else needs the store.
    for (const char* target : {"/v1/feed?after=0&limit=11", "/v1/deltaganden?limit=10"}) {
        auto read = httpGet(hub.port(), target, kReaderToken);
        EXPECT_EQ(read.status, 503) << target << " " << read.body;
        EXPECT_NE(read.body.find("\"store_unavailable\""), std::string::npos) << read.body;
    }
    std::this_thread::sleep_for(std::chrono::seconds(4));  // a few failed runs, backing off
    EXPECT_NE(hub.log().find("\"level\":\"error\""), std::string::npos) << "the failures are logged";

    server.resume();
    EXPECT_TRUE(waitUntil([&] { return httpGet(hub.port(), "/readyz").status == 200; }, 30)) << hub.log();
    ASSERT_TRUE(waitUntil([&] { return lastRunStatus(hub.port(), "fk") == "ok"; }, 240)) << hub.log();
    auto after = httpGet(hub.port(), "/v1/feed?after=0&limit=10", kReaderToken);
    EXPECT_EQ(after.status, 200) << after.body;
    EXPECT_EQ(hub.stop(), 0) << hub.log();

    auto db = store.open();
    auto cleanDb = cleanStore.open();
    EXPECT_EQ(canonicalSnapshot(*db), canonicalSnapshot(*cleanDb));
    expectEachEventOnce(*db, feed::FeedReader(*cleanDb).count());
    // The run in flight failed (or, when even its failure could not be written, was abandoned) and was retried.
    std::int64_t unfinished = 0;
    db->session() << "SELECT COUNT(*) FROM connector_run WHERE status IN ('failed', 'abandoned')",
        soci::into(unfinished);
    EXPECT_GE(unfinished, 1) << hub.log().substr(0, 20000);
}

// A tmpfs of `megabytes`, unmounted at the end; empty when this machine does not let the test mount one.
class SmallDisk {
public:
    SmallDisk(const std::string& path, int megabytes) : path_(path) {
        std::filesystem::create_directories(path);
        const std::string options = "size=" + std::to_string(megabytes) + "m";
        mounted_ = ::mount("tmpfs", path.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~SmallDisk() {
        if (mounted_) {
            ::umount2(path_.c_str(), MNT_DETACH);
        }
    }
    bool mounted() const { return mounted_; }
    bool grow(int megabytes) const {
        const std::string options = "size=" + std::to_string(megabytes) + "m";
        return ::mount("tmpfs", path_.c_str(), "tmpfs", MS_REMOUNT, options.c_str()) == 0;
    }

private:
    std::string path_;
    bool mounted_ = false;
};

TEST(DatabaseFaultsTest, AFullDiskFailsTheBatchWithAClearMessageAndNothingHalfApplied) {
    TempDir dir;
    SmallDisk disk(dir.file("disk"), 2);
    if (!disk.mounted()) {
        GTEST_SKIP() << "mounting a tmpfs needs root (CI runs as root): " << std::strerror(errno);
    }
    TestStore cleanStore(TestBackend::kSqlite);
    HubFiles clean = writeHubConfig(dir, cleanStore, "clean.json");
    HubFiles files = writeHubConfig(dir, cleanStore, "full.json");  // the same drop folder and key, another store
    copyDropSet(generateForbund(dir.file("generated"), 41, 2500), clean.dropDir);
    ASSERT_EQ(runHub({"ingest", "--config", clean.configFile, "--all"}).exitCode, 0);
    editHubJson(files.configFile, [&](rapidjson::Document& d) {
        d["store"]["path"].SetString(dir.file("disk/hub.db").c_str(), d.GetAllocator());
        d["ingest"]["batch_size"].SetInt(100);
    });
    auto full = runHub({"ingest", "--config", files.configFile, "--all"});
    EXPECT_NE(full.exitCode, 0) << full.err;
    EXPECT_NE(full.err.find("full"), std::string::npos) << full.err;
    EXPECT_NE(full.err.find("forbund"), std::string::npos) << "names the connector: " << full.err;

    {
        store::Database db({store::Backend::kSqlite, dir.file("disk/hub.db"), ""});
        std::string integrity;
        db.session() << "PRAGMA integrity_check", soci::into(integrity);
        EXPECT_EQ(integrity, "ok");
        std::int64_t unreconciled = -1;
        db.session() << "SELECT COUNT(*) FROM batch WHERE records_read <> accepted + quarantined + rejected_rows",
            soci::into(unreconciled);
        EXPECT_EQ(unreconciled, 0) << "every committed batch is whole";
    }

    ASSERT_TRUE(disk.grow(256));
    auto resumed = runHub({"ingest", "--config", files.configFile, "--all"});
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
    store::Database db({store::Backend::kSqlite, dir.file("disk/hub.db"), ""});
    auto cleanDb = cleanStore.open();
    EXPECT_EQ(canonicalSnapshot(db), canonicalSnapshot(*cleanDb));
    expectEachEventOnce(db, feed::FeedReader(*cleanDb).count());
}

}  // namespace
}  // namespace finsam::testing
