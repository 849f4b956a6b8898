// tests/e2e/operations_e2e_test.cpp — the daemon as IT staff run it: /metrics during a scheduled ingest adds
// up with the run's summary, SIGHUP reloads (and refuses a broken config), SIGTERM mid-batch loses and
// duplicates nothing, two instances on one PostgreSQL share a connector and take over from a dead one, the CLI
// shows progress and reads the daemon's status, the pid file comes and goes, and a reprocess after a mapping
// fix resolves the quarantine.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "core/common/clock.h"
#include "core/feed/feed_reader.h"
#include "temp_dir.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/store_snapshot.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Rewrites a JSON config file through `edit`.
void editJson(const std::string& path, const std::function<void(rapidjson::Document&)>& edit) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document document = parseJsonBody(text.str());
    edit(document);
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    document.Accept(writer);
    std::ofstream(path, std::ios::trunc) << buffer.GetString();
}

void setMember(rapidjson::Document& document, const char* object, const char* name, int value) {
    auto& allocator = document.GetAllocator();
    if (!document.HasMember(object)) {
        document.AddMember(rapidjson::Value(object, allocator), rapidjson::Value(rapidjson::kObjectType), allocator);
    }
    auto& target = document[object];
    if (target.HasMember(name)) {
        target[name].SetInt(value);
    } else {
        target.AddMember(rapidjson::Value(name, allocator), rapidjson::Value(value), allocator);
    }
}

// The daemon's view of one connector (GET /v1/admin/connectors/{id}).
rapidjson::Document connector(std::uint16_t port, const std::string& id) {
    return parseJsonBody(httpGet(port, "/v1/admin/connectors/" + id + "?runs=50", kAdminToken).body);
}

bool lastRunIs(std::uint16_t port, const std::string& id, const std::string& status) {
    auto c = connector(port, id);
    return c.IsObject() && c["last_run"].IsObject() && c["last_run"]["status"].GetString() == status &&
           std::string(c["state"].GetString()) != "running";
}

std::map<std::string, double> metrics(std::uint16_t port) {
    std::map<std::string, double> out;
    auto response = httpGet(port, "/metrics", kAdminToken);
    EXPECT_EQ(response.status, 200) << response.body;
    std::istringstream lines(response.body);
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty() && line[0] != '#') {
            out[line.substr(0, line.rfind(' '))] = std::stod(line.substr(line.rfind(' ') + 1));
        }
    }
    return out;
}

double records(const std::map<std::string, double>& m, const std::string& connector, const std::string& outcome) {
    auto it = m.find("finsam_connector_records_total{connector=\"" + connector + "\",outcome=\"" + outcome + "\"}");
    return it == m.end() ? -1 : it->second;
}

// A hub with the förbund connector ("forbund") reading a generated register of `participants`.
struct World {
    TempDir dir;
    TestStore store;
    HubFiles files;

    World(TestBackend backend, int participants, int batchSize, int seed = 31) : store(backend) {
        files = writeHubConfig(dir, store);
        copyDropSet(generateForbund(dir.file("generated"), seed, participants), files.dropDir);
        editJson(files.configFile, [&](rapidjson::Document& d) { setMember(d, "ingest", "batch_size", batchSize); });
    }
};

// The receiver organisationsnummer in the FK batch files' names (fk_ers_<orgnr>_<batch>.txt).
// The Försäkringskassan connector ("fk") on `records` detail records in batch files of `perBatch`: one
// committed batch per file, so a run commits many batches one after the other.
struct FkWorld {
    TempDir dir;
    TestStore store;
    HubFiles files;
    std::string generated;

    FkWorld(TestBackend backend, long long records, long long perBatch, const std::string& configName = "hub.json")
        : store(backend), generated(generateFk(dir.file("generated-fk"), records, perBatch)) {
        files = writeHubConfigFor(dir, store, fkConnector(generated), configName);
        copyDropSet(generated, files.dropDir);
    }
};

class OperationsTest : public ::testing::TestWithParam<TestBackend> {};

TEST_P(OperationsTest, MetricsDuringAScheduledIngestAddUpWithTheRunSummary) {
    FkWorld world(GetParam(), 30000, 500);
    ServeProcess hub(world.files.configFile);
    std::vector<std::map<std::string, double>> scrapes;
    // Scrape until a scheduled run found nothing new: everything delivered has been read by then.
    ASSERT_TRUE(waitUntil(
        [&] {
            scrapes.push_back(metrics(hub.port()));
            auto c = connector(hub.port(), "fk");
            return lastRunIs(hub.port(), "fk", "ok") && c["last_run"]["read"].GetInt64() == 0 &&
                   c["read"].GetInt64() > 0;
        },
        240))
        << hub.log();
    // The ingest summaries: every run's counts, as GET /v1/admin/connectors/{id} lists them.
    auto history = connector(hub.port(), "fk");
    std::map<std::string, double> summed;
    for (const auto& run : history["runs"].GetArray()) {
        ASSERT_STREQ(run["status"].GetString(), "ok");
        for (const char* count : {"read", "accepted", "quarantined", "rejected_rows", "batches"}) {
            summed[count] += static_cast<double>(run[count].GetInt64());
        }
    }
    ASSERT_LT(history["runs"].Size(), 50u) << "all runs are in the history";
    const double read = summed["read"];
    ASSERT_GE(read, 30000);
    int midRun = 0;
    double previous = 0;
    for (const auto& m : scrapes) {
        const double seen = records(m, "fk", "read");
        // Every scrape is one committed state: what was read is accepted, quarantined or rejected.
        EXPECT_EQ(seen, records(m, "fk", "accepted") + records(m, "fk", "quarantined") +
                            records(m, "fk", "rejected"));
        EXPECT_GE(seen, previous) << "counters never go back";
        previous = seen;
        midRun += seen > 0 && seen < read ? 1 : 0;
    }
    EXPECT_GE(midRun, 1) << "some scrape must land during the ingest (" << scrapes.size() << " scrapes)";
    const auto after = metrics(hub.port());
    EXPECT_EQ(records(after, "fk", "read"), read);
    EXPECT_EQ(records(after, "fk", "accepted"), summed["accepted"]);
    EXPECT_EQ(records(after, "fk", "quarantined"), summed["quarantined"]);
    EXPECT_EQ(records(after, "fk", "rejected"), summed["rejected_rows"]);
    EXPECT_EQ(after.at("finsam_connector_batches_total{connector=\"fk\"}"), summed["batches"]);
    EXPECT_EQ(after.at("finsam_connector_batch_duration_seconds_count{connector=\"fk\"}"), summed["batches"]);
    EXPECT_GT(after.at("finsam_connector_last_success_timestamp_seconds{connector=\"fk\"}"), 1.7e9);
    EXPECT_EQ(after.at("finsam_feed_head_seq"),
              static_cast<double>(parseJsonBody(httpGet(hub.port(), "/v1/feed/head", kAdminToken).body)["head"].GetInt64()));
    // The runs' log lines carry the same summaries as fields.
    const auto& first = history["runs"][history["runs"].Size() - 1];
    EXPECT_TRUE(hub.waitForLog("\"read\":\"" + std::to_string(first["read"].GetInt64()) + "\"", 5)) << hub.log();
    EXPECT_NE(hub.log().find("\"message\":\"run finished\""), std::string::npos);
    EXPECT_EQ(hub.stop(), 0);
}

TEST_P(OperationsTest, SigtermMidBatchLosesNothingAndDuplicatesNothing) {
    FkWorld world(GetParam(), 30000, 500);
    TestStore cleanStore(GetParam());
    HubFiles clean = writeHubConfigFor(world.dir, cleanStore, fkConnector(world.generated), "clean.json");
    ASSERT_EQ(runHub({"ingest", "--config", clean.configFile, "--all"}).exitCode, 0);

    {
        ServeProcess hub(world.files.configFile);
        ASSERT_TRUE(waitUntil([&] { return records(metrics(hub.port()), "fk", "read") > 0; }, 120)) << hub.log();
        ASSERT_EQ(std::string(connector(hub.port(), "fk")["state"].GetString()), "running");
        const auto signalled = Clock::now();
        EXPECT_EQ(hub.stop(), 0) << hub.log();
        EXPECT_LT(Clock::now() - signalled, std::chrono::seconds(30)) << "stop_grace_seconds bounds the stop";
        EXPECT_NE(hub.log().find("stopping: finishing the batches in flight"), std::string::npos);
    }
    {
        auto db = world.store.open();
        std::string status;
        db->session() << "SELECT status FROM connector_run ORDER BY id DESC LIMIT 1", soci::into(status);
        EXPECT_EQ(status, "stopped");
    }
    {
        ServeProcess hub(world.files.configFile);  // carries on from the committed checkpoint
        ASSERT_TRUE(waitUntil([&] { return lastRunIs(hub.port(), "fk", "ok"); }, 240)) << hub.log();
        EXPECT_EQ(hub.stop(), 0);
    }
    auto cleanDb = cleanStore.open();
    auto db = world.store.open();
    EXPECT_EQ(canonicalSnapshot(*db), canonicalSnapshot(*cleanDb));
    expectEachEventOnce(*db, feed::FeedReader(*cleanDb).count());
}

INSTANTIATE_TEST_SUITE_P(Backends, OperationsTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

TEST(OperationsReloadTest, SighupTakesAGoodConfigAndRefusesABrokenOneWhileServing) {
    World world(TestBackend::kSqlite, 50, 500);
    ServeProcess hub(world.files.configFile);
    ASSERT_TRUE(waitUntil([&] { return lastRunIs(hub.port(), "forbund", "ok"); }, 60)) << hub.log();

    // A second register, in its own folder, as a second instance.
    const std::string secondDrop = world.dir.file("drop2");
    copyDropSet(generateForbund(world.dir.file("generated2"), 32, 40), secondDrop);
    const std::string secondFile = world.dir.file("connectors/second.json");
    std::ofstream(secondFile) << R"({"id":"second","plugin":"forbund-csv","organisation":"forbund-other","mapping":")"
                              << FINSAM_SOURCE_DIR << R"(/config/mappings/forbund-csv.json","settings":{"drop_dir":")"
                              << secondDrop << R"("},"schedule":{"interval_seconds":3600}})";
    editJson(world.files.configFile, [](rapidjson::Document& d) {
        d["connectors"].PushBack("connectors/second.json", d.GetAllocator());
    });
    hub.signal(SIGHUP);
    ASSERT_TRUE(hub.waitForLog("reloaded 2 connector configs", 10)) << hub.log();
    ASSERT_TRUE(waitUntil([&] { return lastRunIs(hub.port(), "second", "ok"); }, 60)) << hub.log();
    EXPECT_EQ(connector(hub.port(), "second")["schedule"]["interval_seconds"].GetInt(), 3600);

    // Broken: not JSON. Then valid JSON naming a plugin that does not exist. Both refused, both named.
    std::ofstream(secondFile, std::ios::trunc) << "{\"id\": \"second\",";
    hub.signal(SIGHUP);
    ASSERT_TRUE(waitUntil([&] { return hub.log().find("reload refused") != std::string::npos; }, 10)) << hub.log();
    EXPECT_NE(hub.log().find("second.json"), std::string::npos);
    std::ofstream(secondFile, std::ios::trunc)
        << R"({"id":"second","plugin":"no-such-plugin","organisation":"forbund-other","settings":{}})";
    hub.signal(SIGHUP);
    ASSERT_TRUE(hub.waitForLog("connector plugin 'no-such-plugin' not found", 10)) << hub.log();
    // The old config stays, and the server never stopped answering.
    auto list = parseJsonBody(httpGet(hub.port(), "/v1/admin/connectors", kAdminToken).body);
    ASSERT_EQ(list["connectors"].Size(), 2u);
    EXPECT_STREQ(list["connectors"][1]["plugin"].GetString(), "forbund-csv");
    EXPECT_EQ(httpGet(hub.port(), "/readyz").status, 200);
    EXPECT_EQ(hub.stop(), 0);
}

TEST(OperationsSchedulerTest, AWatchedFolderTriggersARunAndAFailingConnectorBacksOffWithoutHoldingUpOthers) {
    World world(TestBackend::kSqlite, 40, 500);
    editJson(world.files.configFile, [](rapidjson::Document& d) {
        setMember(d, "scheduler", "retry_base_seconds", 2);
        setMember(d, "scheduler", "retry_max_seconds", 4);
        setMember(d, "scheduler", "watch_settle_seconds", 1);
    });
    // The förbund register is watched and otherwise runs once an hour; a second instance points at a folder
    // that does not exist, so each of its runs fails.
    editJson(world.dir.file("connectors/forbund.json"), [](rapidjson::Document& d) {
        rapidjson::Value schedule(rapidjson::kObjectType);
        schedule.AddMember("interval_seconds", 3600, d.GetAllocator());
        schedule.AddMember("watch", true, d.GetAllocator());
        d.AddMember("schedule", schedule, d.GetAllocator());
    });
    std::ofstream(world.dir.file("connectors/broken.json"))
        << R"({"id":"broken","plugin":"forbund-csv","organisation":"forbund-other","settings":{"drop_dir":")"
        << world.dir.file("no-such-folder") << R"("}})";
    editJson(world.files.configFile, [](rapidjson::Document& d) {
        d["connectors"].PushBack("connectors/broken.json", d.GetAllocator());
    });

    ServeProcess hub(world.files.configFile);
    ASSERT_TRUE(waitUntil([&] { return lastRunIs(hub.port(), "forbund", "ok"); }, 60)) << hub.log();
    const auto firstRead = connector(hub.port(), "forbund")["read"].GetInt64();

    // A new delivery lands in the watched folder (the folder itself stays, as a real drop folder does): a run
    // starts within seconds, not in an hour.
    sdk::testkit::copyFiles(generateForbund(world.dir.file("generated-next"), 41, 60), world.files.dropDir);
    rewriteMarker(world.files.dropDir);
    ASSERT_TRUE(waitUntil(
        [&] {
            auto c = connector(hub.port(), "forbund");
            return c["last_run"].IsObject() && std::string(c["last_run"]["trigger"].GetString()) == "watch" &&
                   c["read"].GetInt64() > firstRead;
        },
        30))
        << hub.log();

    // Meanwhile the broken one failed, backing off 2 s, 4 s, 4 s…: at one attempt a second it would have
    // failed about ten times by now.
    auto broken = connector(hub.port(), "broken");
    EXPECT_STREQ(broken["state"].GetString(), "failing");
    EXPECT_STREQ(broken["last_run"]["status"].GetString(), "failed");
    EXPECT_NE(std::string(broken["last_run"]["error"].GetString()).find("broken"), std::string::npos);
    const auto failures = broken["consecutive_failures"].GetInt64();
    EXPECT_GE(failures, 1);
    EXPECT_LE(failures, 6) << hub.log();
    EXPECT_STREQ(connector(hub.port(), "forbund")["state"].GetString(), "idle") << "the others are not held up";
    EXPECT_EQ(hub.stop(), 0);
}

TEST(OperationsCliTest, IngestShowsProgressStatusReadsTheDaemonAndThePidFileComesAndGoes) {
    World world(TestBackend::kSqlite, 300, 50);
    auto ingest = runHub({"ingest", "--config", world.files.configFile, "--all"});
    ASSERT_EQ(ingest.exitCode, 0) << ingest.err;
    // Not a terminal: plain progress lines, the last one saying done.
    EXPECT_NE(ingest.err.find("progress forbund ["), std::string::npos) << ingest.err;
    EXPECT_NE(ingest.err.find("rows/s"), std::string::npos);
    EXPECT_NE(ingest.err.find(", done"), std::string::npos);
    EXPECT_EQ(ingest.err.find("\033["), std::string::npos) << "no terminal control characters in a log";

    const std::string pidFile = world.dir.file("run/hub.pid");
    fs::create_directories(world.dir.file("run"));
    auto hub = std::make_unique<ServeProcess>(world.files.configFile, std::vector<std::string>{"--pidfile=" + pidFile});
    ASSERT_TRUE(fs::exists(pidFile));
    std::ifstream pidIn(pidFile);
    int pid = 0;
    pidIn >> pid;
    EXPECT_EQ(pid, hub->pid());

    setenv("FINSAM_ADMIN_TOKEN", kAdminToken, 1);
    auto status = runHub({"status", "--config", world.files.configFile, "--url",
                          "http://127.0.0.1:" + std::to_string(hub->port())});
    unsetenv("FINSAM_ADMIN_TOKEN");
    ASSERT_EQ(status.exitCode, 0) << status.err;
    EXPECT_NE(status.out.find("CONNECTOR"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("forbund"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find(" ok "), std::string::npos) << "the CLI's run is the daemon's last run: " << status.out;
    auto refused = runHub({"status", "--config", world.files.configFile, "--url",
                           "http://127.0.0.1:" + std::to_string(hub->port()), "--token-file", world.files.configFile});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("401"), std::string::npos) << refused.err;

    EXPECT_EQ(hub->stop(), 0);
    EXPECT_FALSE(fs::exists(pidFile)) << "the pid file goes with the daemon";
}

TEST(OperationsReprocessTest, AMappingFixAndAReprocessResolveTheQuarantine) {
    TempDir dir;
    TestStore store(TestBackend::kSqlite);
    const std::string mapping = dir.file("forbund-csv.json");
    fs::copy_file(std::string(FINSAM_SOURCE_DIR) + "/config/mappings/forbund-csv.json", mapping);
    HubFiles files = writeHubConfigFor(
        dir, store,
        ConnectorInstance{"forbund", "forbund-csv", "forbund-sthlm", mapping,
                          [](const std::string& drop) { return "{\"drop_dir\":" + ("\"" + drop + "\"") + "}"; }});
    copyDropSet(generateForbund(dir.file("generated"), 33, 60), files.dropDir);
    // One participant's kön as an older system writes it: not in the mapping table.
    const std::string csv = files.dropDir + "/deltaganden.csv";
    std::ifstream in(csv, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string content = text.str();
    const auto at = content.find(",Kvinna,");
    ASSERT_NE(at, std::string::npos);
    content.replace(at, 8, ",Kvinnlig,");
    std::ofstream(csv, std::ios::binary | std::ios::trunc) << content;
    rewriteMarker(files.dropDir);

    ServeProcess hub(files.configFile);
    ASSERT_TRUE(waitUntil([&] { return lastRunIs(hub.port(), "forbund", "ok"); }, 60)) << hub.log();
    auto open = parseJsonBody(httpGet(hub.port(), "/v1/admin/quarantine?connector=forbund&state=open", kAdminToken).body);
    ASSERT_EQ(open["items"].Size(), 1u);
    const auto id = open["items"][0]["id"].GetInt64();
    EXPECT_STREQ(open["items"][0]["code"].GetString(), "unknown_code");
    EXPECT_NE(std::string(open["items"][0]["message"].GetString()).find("Kvinnlig"), std::string::npos);
    const auto accepted = connector(hub.port(), "forbund")["accepted"].GetInt64();
    const auto events = parseJsonBody(httpGet(hub.port(), "/v1/feed/head", kAdminToken).body)["head"].GetInt64();

    // IT staff fix the mapping, then ask for the source to be read again.
    editJson(mapping, [](rapidjson::Document& d) {
        d["tables"]["kon"].AddMember("Kvinnlig", "kvinna", d.GetAllocator());
    });
    auto requested = httpPost(hub.port(), "/v1/admin/connectors/forbund/reprocess", kAdminToken);
    ASSERT_EQ(requested.status, 200) << requested.body;
    ASSERT_TRUE(waitUntil(
        [&] {
            auto c = connector(hub.port(), "forbund");
            return c["last_run"].IsObject() && std::string(c["last_run"]["trigger"].GetString()) == "reprocess" &&
                   std::string(c["state"].GetString()) != "running";
        },
        60))
        << hub.log();
    auto item = parseJsonBody(httpGet(hub.port(), "/v1/admin/quarantine/" + std::to_string(id), kAdminToken).body);
    EXPECT_STREQ(item["state"].GetString(), "resolved");
    auto after = connector(hub.port(), "forbund");
    EXPECT_STREQ(after["last_run"]["status"].GetString(), "ok");
    EXPECT_EQ(after["open_quarantine"].GetInt64(), 0);
    EXPECT_FALSE(after["reprocess_requested"].GetBool());
    EXPECT_GT(after["accepted"].GetInt64(), accepted);
    // Re-reading what the hub already held changed nothing but the fixed participant: a few events, not all.
    const auto newEvents = parseJsonBody(httpGet(hub.port(), "/v1/feed/head", kAdminToken).body)["head"].GetInt64() - events;
    EXPECT_GE(newEvents, 1);
    EXPECT_LE(newEvents, 3);
    EXPECT_EQ(hub.stop(), 0);
}

TEST(OperationsScaleOutTest, TwoInstancesOnPostgresqlShareTheConnectorAndTakeOverFromADeadOne) {
    FkWorld world(TestBackend::kPostgresql, 30000, 500);
    editJson(world.files.configFile, [](rapidjson::Document& d) { setMember(d, "scheduler", "lease_seconds", 5); });
    TestStore cleanStore(TestBackend::kPostgresql);
    HubFiles clean = writeHubConfigFor(world.dir, cleanStore, fkConnector(world.generated), "clean.json");
    ASSERT_EQ(runHub({"ingest", "--config", clean.configFile, "--all"}).exitCode, 0);

    auto first = std::make_unique<ServeProcess>(world.files.configFile);
    ASSERT_TRUE(waitUntil([&] { return records(metrics(first->port()), "fk", "read") > 0; }, 120));
    ServeProcess second(world.files.configFile);
    // Any instance answers: the second one sees the first one's run.
    auto seen = connector(second.port(), "fk");
    ASSERT_STREQ(seen["state"].GetString(), "running");
    EXPECT_NE(std::string(seen["running_on"].GetString()).find(std::to_string(first->pid())), std::string::npos);
    first->kill();  // mid-batch, without a chance to release anything
    ServeProcess third(world.files.configFile);  // competes with the second for every scheduled run from now on
    ASSERT_TRUE(waitUntil([&] { return lastRunIs(second.port(), "fk", "ok"); }, 240)) << second.log();
    std::this_thread::sleep_for(std::chrono::seconds(3));  // a few more scheduled runs, contested
    EXPECT_EQ(second.stop(), 0);
    EXPECT_EQ(third.stop(), 0);

    auto db = world.store.open();
    auto cleanDb = cleanStore.open();
    EXPECT_EQ(canonicalSnapshot(*db), canonicalSnapshot(*cleanDb));
    expectEachEventOnce(*db, feed::FeedReader(*cleanDb).count());
    // Runs of the connector never overlapped, except the dead one's, which the taker found abandoned.
    soci::rowset<soci::row> rows = (db->session().prepare << "SELECT runner, status, started_at, "
                                                             "COALESCE(finished_at, '') FROM connector_run ORDER BY id");
    std::vector<std::tuple<std::string, std::string, std::string, std::string>> runs;
    for (const auto& row : rows) {
        runs.emplace_back(row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
                          row.get<std::string>(3));
    }
    ASSERT_GE(runs.size(), 2u);
    EXPECT_EQ(std::get<1>(runs[0]), "abandoned");
    for (std::size_t i = 1; i + 1 < runs.size(); ++i) {
        EXPECT_LE(std::get<3>(runs[i]), std::get<2>(runs[i + 1])) << "run " << i << " overlaps the next";
    }
}

}  // namespace
}  // namespace finsam::testing
