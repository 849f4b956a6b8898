// tests/e2e/leak_scan_test.cpp — everything a hub writes while it reads a generated world, in one heap: its debug
// logs, every API answer, the feed and its webhook deliveries, quarantine payloads, exports, indicators, status,
// metrics, and the store itself (the SQLite file with its WAL, or a pg_dump). Not one of the world's personnummer
// (12 or 10 digits, with or without separator), names or secrets may be in it.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "core/common/json.h"
#include "core/http/routes.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/leak_scan.h"
#include "tests/support/test_store.h"
#include "tests/support/webhook_receiver.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kHookSecret = "whsec-leak-0123456789abcdef";

std::string tokenFor(const std::string& scope) {
    if (scope.empty()) return "";
    return scope == "indicators:read" ? kIngestOnlyToken : kAdminToken;
}

// pg_dump of the store's database: every table as the server holds it.
std::string postgresDump(const TestStore& store) {
    std::string bin;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql")) {
        bin = std::max(bin, (entry.path() / "bin/pg_dump").string());
    }
    Poco::Pipe out;
    auto handle = Poco::Process::launch(bin, {"--data-only", "--dbname", store.location().target}, nullptr, &out,
                                        nullptr);
    Poco::PipeInputStream stream(out);
    std::string dump;
    Poco::StreamCopier::copyToString(stream, dump);
    EXPECT_EQ(handle.wait(), 0) << "pg_dump failed";
    return dump;
}

class LeakScanTest : public ::testing::TestWithParam<TestBackend> {};

TEST_P(LeakScanTest, NothingTheHubWritesHoldsANumberNameOrSecretOfTheWorldItRead) {
    TempDir dir;
    // With broken rows, so quarantine payloads and their messages are in the heap too.
    const std::string world =
        generateWorld(dir.file("world"), 43, 300,
                      {"--fault", "bad-date", "--fault", "bad-personnummer", "--fault", "unknown-code",
                       "--fault", "short-line", "--fault", "unknown-formanskod"});
    TestStore store(GetParam());
    HubFiles files = writeHubConfigFor(dir, store, worldFileConnectors(world), "hub.json", 100);
    WebhookReceiver receiver(kHookSecret);
    sdk::testkit::writeSecretFile(dir.file("hook.secret"), std::string(kHookSecret) + "\n");
    addWebhooks(files.configFile, R"([{"id":"dash","url":")" + receiver.url() + R"(","secret_file":"hook.secret"}])");
    {
        rapidjson::Document config = common::readJsonFile(files.configFile);
        rapidjson::Value log(rapidjson::kObjectType);
        log.AddMember("level", "debug", config.GetAllocator());  // the most a hub ever says
        config.AddMember("log", log, config.GetAllocator());
        std::ofstream(files.configFile, std::ios::trunc) << common::toJson(config);
    }

    std::string written;  // every byte the hub writes in this test
    ServeProcess hub(files.configFile);
    auto connectorsDone = [&] {
        auto response = httpGet(hub.port(), "/v1/admin/connectors", kAdminToken);
        auto list = parseJsonBody(response.body);
        int ok = 0;
        for (const auto& c : list["connectors"].GetArray()) {
            ok += c["last_run"].IsObject() && std::string(c["last_run"]["status"].GetString()) == "ok" ? 1 : 0;
        }
        return ok == 3;
    };
    ASSERT_TRUE(waitUntil(connectorsDone, 300)) << hub.log();
    ASSERT_TRUE(waitUntil([&] { return idsOf(receiver.accepted()) == idsOf(expectedEvents(store, {})); }, 60));
    written += receiver.bodies();

    // Every GET of the API, with real keys in its paths; the feed and the collections in full.
    std::string personKey, quarantineId;
    {
        auto db = store.open();
        db->session() << "SELECT person_key FROM person ORDER BY person_key LIMIT 1", soci::into(personKey);
        std::int64_t id = 0, open = 0;
        db->session() << "SELECT COUNT(*), MIN(id) FROM quarantine", soci::into(open), soci::into(id);
        ASSERT_GE(open, 3) << "the broken rows are quarantined";
        quarantineId = std::to_string(id);
    }
    ASSERT_FALSE(personKey.empty());
    int answered = 0;
    for (const auto& route : http::apiRoutes()) {
        if (route.method != "GET") {
            continue;
        }
        std::string target = route.path;
        Poco::replaceInPlace(target, std::string("{person_key}"), personKey);
        Poco::replaceInPlace(target, std::string("{asset}"), std::string("index.html"));
        Poco::replaceInPlace(target, std::string("{id}"),
                             route.path.find("quarantine") != std::string::npos ? quarantineId : std::string("af"));
        if (route.path == "/v1/indicators") target += "?forbund=forbund-sthlm&from=2015-01-01&to=2026-06-30";
        if (route.path == "/v1/feed") target += "?after=0&limit=1000";
        if (route.path == "/v1/admin/quarantine") target += "?limit=1000";
        auto response = httpGet(hub.port(), target, tokenFor(route.scope));
        EXPECT_EQ(response.status, 200) << target << " " << response.body.substr(0, 300);
        written += response.body;
        ++answered;
    }
    for (std::int64_t after = 0;;) {
        auto page = parseJsonBody(httpGet(hub.port(), "/v1/feed?limit=1000&after=" + std::to_string(after),
                                          kAdminToken).body);
        if (page["events"].Empty()) break;
        written += common::toJson(page);
        after = page["next_after"].GetInt64();
    }
    // The operators' and analysts' commands.
    for (const char* entity : {"deltaganden", "insatser", "persons"}) {
        for (const char* format : {"csv", "ndjson"}) {
            auto exported = runHub({"export", "--config", files.configFile, "--entity", entity, "--format", format});
            EXPECT_EQ(exported.exitCode, 0) << exported.err;
            written += exported.out + exported.err;
        }
    }
    auto indicators = runHub({"indicators", "--config", files.configFile, "--forbund", "forbund-sthlm", "--from",
                              "2015-01-01", "--to", "2026-06-30", "--format", "csv"});
    EXPECT_EQ(indicators.exitCode, 0) << indicators.err;
    ::setenv("FINSAM_ADMIN_TOKEN", kAdminToken, 1);
    auto status = runHub({"status", "--config", files.configFile, "--url",
                          "http://127.0.0.1:" + std::to_string(hub.port()), "--json"});
    ::unsetenv("FINSAM_ADMIN_TOKEN");
    EXPECT_EQ(status.exitCode, 0) << status.err;
    written += indicators.out + indicators.err + status.out + status.err;
    EXPECT_EQ(hub.stop(), 0);
    written += hub.log();

    // The store as it lies on disk or in the server.
    if (GetParam() == TestBackend::kSqlite) {
        written += fileBytes(store.sqliteFile()) + fileBytes(store.sqliteFile() + "-wal");
    } else {
        written += postgresDump(store);
    }

    ASSERT_GE(answered, 15);
    ASSERT_GT(written.size(), 1'000'000u) << "the heap holds the world's facts";
    ASSERT_NE(written.find(personKey), std::string::npos) << "and its pseudonyms";

    const auto numbers = numbersInFolder(world + "/truth");
    ASSERT_GE(numbers.size(), 250u) << "every person of the world (300 deltaganden)";
    EXPECT_EQ(leakedNumbers(numbers, written), std::vector<std::string>{});
    const auto names = afNamesInFolder(world + "/af");
    ASSERT_GE(names.size(), 30u);
    EXPECT_EQ(leakedNames(names, written), std::vector<std::string>{});
    EXPECT_EQ(testTokensIn(written), std::vector<std::string>{});
    const std::string key = fileBytes(dir.file("pseudonym.key"));
    EXPECT_EQ(written.find(key.substr(0, 32)), std::string::npos) << "the pseudonymisation key";
    EXPECT_EQ(written.find(kHookSecret), std::string::npos) << "the webhook secret";
}

INSTANTIATE_TEST_SUITE_P(Backends, LeakScanTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
