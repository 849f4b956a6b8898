// tests/e2e/serve_e2e_test.cpp — the real binary: ingest a generated register, serve the feed, scan for leaks.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>

#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/leak_scan.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;

// Reads the whole feed page by page; returns the concatenated bodies and the events' types.
std::vector<std::string> readWholeFeed(std::uint16_t port, std::string& bodies, std::int64_t& lastSeq) {
    std::vector<std::string> types;
    std::int64_t after = 0;
    for (;;) {
        auto response = httpGet(port, "/v1/feed?after=" + std::to_string(after) + "&limit=100", kReaderToken);
        EXPECT_EQ(response.status, 200) << response.body;
        bodies += response.body;
        auto page = parseJsonBody(response.body);
        const auto& events = page["events"].GetArray();
        if (events.Empty()) {
            EXPECT_EQ(page["next_after"].GetInt64(), after);
            break;
        }
        for (const auto& event : events) {
            EXPECT_GT(event["seq"].GetInt64(), after) << "seqs strictly increase";
            after = event["seq"].GetInt64();
            types.emplace_back(event["type"].GetString());
            EXPECT_TRUE(event["payload"].IsObject());
            EXPECT_FALSE(event["payload"].HasMember("personnummer"));
            EXPECT_FALSE(event["payload"].HasMember("blankett")) << "form references are never published";
        }
        EXPECT_EQ(page["next_after"].GetInt64(), after);
    }
    lastSeq = after;
    return types;
}

// Rewrites the set without its last deltagande row and marks it complete again.
void dropLastDeltagande(const std::string& dropDir) {
    std::string path = dropDir + "/deltaganden.csv";
    std::string text = fileBytes(path);
    auto lastRowStart = text.rfind("\r\nD-", text.size() - 3);
    ASSERT_NE(lastRowStart, std::string::npos);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text.substr(0, lastRowStart + 2);
    fs::remove(dropDir + "/KLAR");
    std::ofstream(dropDir + "/KLAR").flush();
}

class ServeEndToEndTest : public ::testing::TestWithParam<TestBackend> {};

TEST_P(ServeEndToEndTest, IngestServeFeedAuthAndNoIdentityLeaks) {
    TempDir dir;
    TestStore store(GetParam());
    HubFiles files = writeHubConfig(dir, store);
    std::string generated = generateForbund(dir.file("generated"), 11, 120);
    copyDropSet(generated, files.dropDir);
    const auto numbers = numbersInFolder(files.dropDir);
    ASSERT_GT(numbers.size(), 50u);

    auto ingest = runHub({"ingest", "--config", files.configFile, "--all"});
    ASSERT_EQ(ingest.exitCode, 0) << ingest.err;
    auto summary = parseJsonBody(ingest.out);
    EXPECT_STREQ(summary["connector"].GetString(), "forbund");
    EXPECT_GT(summary["accepted"].GetInt64(), 100);
    EXPECT_EQ(summary["read"].GetInt64(), summary["accepted"].GetInt64() + summary["quarantined"].GetInt64() +
                                              summary["rejected_rows"].GetInt64());
    EXPECT_EQ(summary["read"].GetInt64(), csvDataRows(files.dropDir));
    auto stats = parseJsonBody(runHub({"stats", "--config", files.configFile}).out);
    EXPECT_EQ(stats["deltaganden"].GetInt64(), 120);
    EXPECT_GT(stats["persons"].GetInt64(), 0);
    EXPECT_GT(stats["anonymous_deltaganden"].GetInt64(), 0);
    // An operator passing a number where a person key belongs does not see it printed back.
    const std::string number = *numbers.begin();
    auto mistaken = runHub({"explain", "--config", files.configFile, "--person", number});
    EXPECT_EQ(mistaken.exitCode, 1);
    EXPECT_NE(mistaken.err.find("no person [pnr]"), std::string::npos) << mistaken.err.size();
    EXPECT_EQ(leakedNumbers({number}, mistaken.out + mistaken.err), std::vector<std::string>{});
    EXPECT_GT(stats["samtycken"].GetInt64(), 0);

    ServeProcess serve(files.configFile);
    EXPECT_EQ(httpGet(serve.port(), "/healthz").status, 200);
    EXPECT_EQ(httpGet(serve.port(), "/readyz").status, 200);
    EXPECT_EQ(httpGet(serve.port(), "/v1/feed").status, 401);
    EXPECT_EQ(httpGet(serve.port(), "/v1/feed", "not-a-token").status, 401);
    EXPECT_EQ(httpGet(serve.port(), "/v1/feed", kIngestOnlyToken).status, 403);
    EXPECT_EQ(httpGet(serve.port(), "/v1/feed?limit=0", kReaderToken).status, 400);
    EXPECT_EQ(httpGet(serve.port(), "/v1/%zz", kReaderToken).status, 400);
    EXPECT_EQ(httpGet(serve.port(), "/v1/nothing", kReaderToken).status, 404);

    std::string bodies;
    std::int64_t head = 0;
    auto types = readWholeFeed(serve.port(), bodies, head);
    EXPECT_EQ(static_cast<std::int64_t>(types.size()), stats["feed_events"].GetInt64());
    EXPECT_EQ(head, stats["feed_head"].GetInt64());
    for (const char* expected : {"insats.upserted", "insats_budget.upserted", "person.upserted",
                                 "deltagande.started", "samtycke.changed"}) {
        EXPECT_NE(std::find(types.begin(), types.end(), expected), types.end()) << expected;
    }
    // Explain is an admin tool: the person keys of the feed open it with the admin token only.
    auto firstPage = parseJsonBody(httpGet(serve.port(), "/v1/feed?after=0&limit=1000", kReaderToken).body);
    std::string personKey;
    for (const auto& event : firstPage["events"].GetArray()) {
        if (std::string(event["type"].GetString()) == "person.upserted") {
            personKey = event["key"].GetString();
            break;
        }
    }
    ASSERT_FALSE(personKey.empty());
    const std::string explainPath = "/v1/admin/persons/" + personKey + "/explain";
    EXPECT_EQ(httpGet(serve.port(), explainPath, kReaderToken).status, 403);
    auto explained = httpGet(serve.port(), explainPath, kAdminToken);
    EXPECT_EQ(explained.status, 200) << explained.body;
    EXPECT_EQ(parseJsonBody(explained.body)["person_key"].GetString(), personKey);
    bodies += explained.body;

    // The connector status is an admin view too: batches and totals of what was read.
    EXPECT_EQ(httpGet(serve.port(), "/v1/admin/connectors", kReaderToken).status, 403);
    auto status = httpGet(serve.port(), "/v1/admin/connectors", kAdminToken);
    ASSERT_EQ(status.status, 200) << status.body;
    auto connectors = parseJsonBody(status.body);
    ASSERT_EQ(connectors["connectors"].Size(), 1u);
    EXPECT_EQ(std::string(connectors["connectors"][0]["connector"].GetString()), "forbund");
    EXPECT_GE(connectors["connectors"][0]["batches"].GetInt64(), 1);
    EXPECT_EQ(connectors["connectors"][0]["read"].GetInt64(), csvDataRows(files.dropDir));
    bodies += status.body;

    auto ndjson = httpGet(serve.port(), "/v1/feed?after=0&limit=5", kAdminToken, "application/x-ndjson");
    EXPECT_EQ(ndjson.contentType, "application/x-ndjson");
    EXPECT_EQ(std::count(ndjson.body.begin(), ndjson.body.end(), '\n'), 5);

    // The daemon polls the drop folder: a row removed from the register becomes a retraction.
    dropLastDeltagande(files.dropDir);
    std::string retraction;
    for (int attempt = 0; attempt < 100 && retraction.empty(); ++attempt) {
        auto page = httpGet(serve.port(), "/v1/feed?after=" + std::to_string(head), kReaderToken);
        if (page.body.find("deltagande.retracted") != std::string::npos) {
            retraction = page.body;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_FALSE(retraction.empty()) << serve.log();
    bodies += retraction;
    EXPECT_EQ(serve.stop(), 0);

    std::string everything = ingest.out + ingest.err + serve.log() + bodies;
    everything += GetParam() == TestBackend::kSqlite
                      ? fileBytes(store.sqliteFile()) + fileBytes(store.sqliteFile() + "-wal")
                      : store.dumpAllTables();
    EXPECT_EQ(leakedNumbers(numbers, everything), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Backends, ServeEndToEndTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
