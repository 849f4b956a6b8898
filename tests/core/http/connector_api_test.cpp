// tests/core/http/connector_api_test.cpp — the connector management API, the quarantine and /metrics on a
// running server: actions land in the store, validation names file/pointer/reason, filters and pages hold,
// payloads stay redacted, and the metrics text adds up. Both backends.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>
#include <regex>
#include <sstream>

#include "core/store/connector_control.h"
#include "tests/core/http/api_fixture.h"
#include "tests/support/hub_process.h"

namespace finsam::testing {
namespace {

rapidjson::Document parse(const std::string& text) {
    rapidjson::Document document;
    document.Parse(text.c_str());
    EXPECT_FALSE(document.HasParseError()) << text.substr(0, 300);
    return document;
}

// Samples of a Prometheus text exposition by their full series name ("name{labels}").
std::map<std::string, double> samples(const std::string& text) {
    std::map<std::string, double> out;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        const auto space = line.rfind(' ');
        out[line.substr(0, space)] = std::stod(line.substr(space + 1));
    }
    return out;
}

class ConnectorApiTest : public ::testing::TestWithParam<TestBackend> {
protected:
    ConnectorApiTest() : api_(GetParam()) {}

    void quarantine(int id, const std::string& connector, const std::string& code, const std::string& payload) {
        api_.database().session()
            << "INSERT INTO quarantine (id, connector, batch_id, source, line, column_no, field, code, message, "
               "payload, state, created_at) VALUES (:i, :c, 1, 'f.csv', :l, 2, 'startdatum', :k, 'why', :p, 'open', "
               "'2026-01-01T00:00:00.000Z')",
            soci::use(id), soci::use(connector), soci::use(id), soci::use(code), soci::use(payload);
    }

    ApiFixture api_;
};

TEST_P(ConnectorApiTest, ActionsAreKeptInTheStoreAndShownOnTheConnector) {
    auto paused = apiPost(api_.port(), "/v1/admin/connectors/forbund-csv/pause", kAdminToken);
    ASSERT_EQ(paused.status, 200) << paused.body;
    EXPECT_TRUE(parse(paused.body)["paused"].GetBool());
    EXPECT_EQ(std::string(parse(paused.body)["state"].GetString()), "paused");
    EXPECT_TRUE(parse(paused.body)["next_run_at"].IsNull()) << "a paused connector has no next run";
    EXPECT_TRUE(store::ConnectorControl(api_.database()).read("forbund-csv").paused);

    auto run = apiPost(api_.port(), "/v1/admin/connectors/forbund-csv/run", kAdminToken);
    EXPECT_TRUE(parse(run.body)["run_requested"].GetBool());
    auto reprocess = apiPost(api_.port(), "/v1/admin/connectors/forbund-csv/reprocess", kAdminToken);
    EXPECT_TRUE(parse(reprocess.body)["reprocess_requested"].GetBool());
    auto resumed = apiPost(api_.port(), "/v1/admin/connectors/forbund-csv/resume", kAdminToken);
    EXPECT_FALSE(parse(resumed.body)["paused"].GetBool());
    EXPECT_EQ(std::string(parse(resumed.body)["state"].GetString()), "idle");
    EXPECT_TRUE(parse(resumed.body)["next_run_at"].IsString());

    auto one = api_.get("/v1/admin/connectors/forbund-csv?runs=5", kAdminToken);
    ASSERT_EQ(one.status, 200);
    EXPECT_TRUE(parse(one.body)["runs"].IsArray());
    EXPECT_EQ(api_.get("/v1/admin/connectors/forbund-csv?runs=0", kAdminToken).status, 400);
    EXPECT_EQ(api_.get("/v1/admin/connectors/nosuch", kAdminToken).status, 404);
    EXPECT_EQ(apiPost(api_.port(), "/v1/admin/connectors/nosuch/pause", kAdminToken).status, 404);
    EXPECT_EQ(apiPost(api_.port(), "/v1/admin/connectors/forbund-csv/pause", kReaderToken).status, 403);
    EXPECT_EQ(apiPost(api_.port(), "/v1/admin/connectors/forbund-csv/pause", "").status, 401);
}

TEST_P(ConnectorApiTest, ValidationNamesEveryProblemAndSavesNothing) {
    auto check = [&](const std::string& body) {
        auto response = apiPost(api_.port(), "/v1/admin/connectors/validate", kAdminToken, body);
        EXPECT_EQ(response.status, 200) << response.body;
        return parse(response.body);
    };
    auto good = check(R"({"id":"af","plugin":"af-csv","organisation":"af","settings":{},)"
                      R"("schedule":{"interval_seconds":3600,"window":{"from":"22:00","to":"04:00"}}})");
    EXPECT_TRUE(good["valid"].GetBool());
    EXPECT_EQ(good["problems"].Size(), 0u);

    auto notJson = check("{\n\"id\":");
    EXPECT_FALSE(notJson["valid"].GetBool());
    EXPECT_NE(std::string(notJson["problems"][0].GetString()).find(": /: not valid JSON at line 2, column 6: Invalid value"), std::string::npos)
        << "line, column and reason: " << notJson["problems"][0].GetString();

    // Nested past any connector config: refused before the recursive schema check could overflow the stack.
    auto deep = check("{\"id\":" + std::string(200000, '['));
    EXPECT_FALSE(deep["valid"].GetBool());
    EXPECT_NE(std::string(deep["problems"][0].GetString()).find(": /: not valid JSON at line 1, column 70: nested deeper than 64 levels"),
              std::string::npos)
        << deep["problems"][0].GetString();

    auto badSchema = check(R"({"id":"AF!","plugin":"af-csv","organisation":"af","settings":{},)"
                           R"("schedule":{"window":{"from":"25:00","to":"04:00"}}})");
    EXPECT_FALSE(badSchema["valid"].GetBool());
    std::string all;
    for (const auto& problem : badSchema["problems"].GetArray()) {
        all += std::string(problem.GetString()) + "\n";
    }
    EXPECT_NE(all.find("connector.json: /id:"), std::string::npos) << all;
    EXPECT_NE(all.find("/schedule/window/from"), std::string::npos) << all;

    auto sameTimes = check(R"({"id":"af","plugin":"af-csv","organisation":"af","settings":{},)"
                           R"("schedule":{"window":{"from":"04:00","to":"04:00"}}})");
    EXPECT_FALSE(sameTimes["valid"].GetBool());
    auto watchWithoutFolder = check(R"({"id":"af","plugin":"af-csv","organisation":"af","settings":{},)"
                                    R"("schedule":{"watch":true}})");
    EXPECT_FALSE(watchWithoutFolder["valid"].GetBool());
    EXPECT_NE(std::string(watchWithoutFolder["problems"][0].GetString()).find("/schedule/watch"), std::string::npos);
    auto missingMapping = check(R"({"id":"af","plugin":"af-csv","organisation":"af","settings":{},)"
                                R"("mapping":"/nonexistent/af.json"})");
    EXPECT_FALSE(missingMapping["valid"].GetBool()) << "the mapping file is checked too";

    // An oversized body is refused by its declared length, before a byte of it is read.
    Poco::Net::HTTPClientSession session("127.0.0.1", api_.port());
    Poco::Net::HTTPRequest huge(Poco::Net::HTTPRequest::HTTP_POST, "/v1/admin/connectors/validate",
                                Poco::Net::HTTPMessage::HTTP_1_1);
    prepare(huge, kAdminToken, "");
    huge.setContentLength(300 * 1024);
    session.sendRequest(huge);
    EXPECT_EQ(receive(session).status, 413);
}

TEST_P(ConnectorApiTest, QuarantineFiltersPagesAndRedacts) {
    quarantine(1, "forbund-csv", "bad_value", "D-1;19800101-1234;x");
    quarantine(2, "af", "unknown_code", "A-2;XYZ");
    quarantine(3, "forbund-csv", "unknown_code", "D-3;198001011234");
    quarantine(4, "forbund-csv", "bad_value", "D-4;2025-02-30");

    auto all = parse(api_.get("/v1/admin/quarantine", kAdminToken).body);
    ASSERT_EQ(all["items"].Size(), 4u);
    EXPECT_TRUE(all["next_after"].IsNull());
    EXPECT_FALSE(all["items"][0].HasMember("payload")) << "payloads only one at a time";

    auto forbund = parse(api_.get("/v1/admin/quarantine?connector=forbund-csv&code=bad_value", kAdminToken).body);
    ASSERT_EQ(forbund["items"].Size(), 2u);
    EXPECT_EQ(forbund["items"][0]["id"].GetInt64(), 1);
    EXPECT_EQ(forbund["items"][1]["id"].GetInt64(), 4);

    auto first = parse(api_.get("/v1/admin/quarantine?limit=3", kAdminToken).body);
    ASSERT_EQ(first["items"].Size(), 3u);
    ASSERT_EQ(first["next_after"].GetInt64(), 3);
    auto rest = parse(api_.get("/v1/admin/quarantine?limit=3&after=3", kAdminToken).body);
    ASSERT_EQ(rest["items"].Size(), 1u);
    EXPECT_EQ(rest["items"][0]["id"].GetInt64(), 4);

    api_.database().session() << "UPDATE quarantine SET state = 'resolved' WHERE id = 2";
    EXPECT_EQ(parse(api_.get("/v1/admin/quarantine?state=open", kAdminToken).body)["items"].Size(), 3u);
    EXPECT_EQ(parse(api_.get("/v1/admin/quarantine?state=resolved", kAdminToken).body)["items"].Size(), 1u);
    EXPECT_EQ(api_.get("/v1/admin/quarantine?state=closed", kAdminToken).status, 400);
    EXPECT_EQ(api_.get("/v1/admin/quarantine?limit=0", kAdminToken).status, 400);
    EXPECT_EQ(api_.get("/v1/admin/quarantine?colour=red", kAdminToken).status, 400);

    for (int id : {1, 3}) {
        auto item = api_.get("/v1/admin/quarantine/" + std::to_string(id), kAdminToken);
        ASSERT_EQ(item.status, 200);
        const std::string payload = parse(item.body)["payload"].GetString();
        EXPECT_NE(payload.find("[pnr]"), std::string::npos) << payload;
        EXPECT_FALSE(std::regex_search(item.body, std::regex("19800101-?1234"))) << item.body;
    }
    EXPECT_EQ(api_.get("/v1/admin/quarantine/99", kAdminToken).status, 404);
    EXPECT_EQ(api_.get("/v1/admin/quarantine/x1", kAdminToken).status, 404);
}

TEST_P(ConnectorApiTest, MetricsAreValidPrometheusTextThatAddsUp) {
    auto& sql = api_.database().session();
    sql << "INSERT INTO batch (id, connector, started_at, committed_at, records_read, accepted, quarantined, "
           "rejected_rows, rejected_sources, checkpoint, duration_ms) VALUES "
           "(1, 'forbund-csv', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.200Z', 10, 7, 2, 1, 1, 'x', 200)";
    sql << "INSERT INTO batch (id, connector, started_at, committed_at, records_read, accepted, quarantined, "
           "rejected_rows, rejected_sources, checkpoint, duration_ms) VALUES "
           "(2, 'forbund-csv', '2026-01-01T00:01:00.000Z', '2026-01-01T00:01:03.000Z', 5, 5, 0, 0, 0, 'y', 3000)";
    ASSERT_EQ(api_.get("/healthz").status, 200);
    ASSERT_EQ(api_.get("/v1/feed/head", kReaderToken).status, 200);

    EXPECT_EQ(api_.get("/metrics").status, 401);
    EXPECT_EQ(api_.get("/metrics", kAdminToken).status, 403) << "admin is not metrics: a scraper needs no admin";
    // A request is counted once its answer is sent, so the client may see the answer a moment before the count.
    auto response = api_.get("/metrics", kMetricsToken);
    ASSERT_TRUE(waitUntil(
        [&] {
            response = api_.get("/metrics", kMetricsToken);
            auto counted = samples(response.body);
            for (const char* route : {R"(route="/healthz",method="GET",status="200")",
                                      R"(route="/v1/feed/head",method="GET",status="200")",
                                      R"(route="/metrics",method="GET",status="401")",
                                      R"(route="/metrics",method="GET",status="403")"}) {
                if (counted["finsam_http_requests_total{" + std::string(route) + "}"] != 1) {
                    return false;
                }
            }
            return true;
        },
        5))
        << response.body;
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.contentType, "text/plain; version=0.0.4; charset=utf-8");
    // Every sample line is NAME{LABELS} VALUE, and every family has HELP and TYPE before its samples.
    const std::regex sampleLine(R"(^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? -?[0-9.e+]+$)");
    std::istringstream lines(response.body);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("# ", 0) != 0) {
            EXPECT_TRUE(std::regex_match(line, sampleLine)) << line;
        }
    }
    auto m = samples(response.body);
    const std::string c = "connector=\"forbund-csv\"";
    EXPECT_EQ(m["finsam_connector_records_total{" + c + ",outcome=\"read\"}"], 15);
    EXPECT_EQ(m["finsam_connector_records_total{" + c + ",outcome=\"accepted\"}"], 12);
    EXPECT_EQ(m["finsam_connector_records_total{" + c + ",outcome=\"quarantined\"}"], 2);
    EXPECT_EQ(m["finsam_connector_records_total{" + c + ",outcome=\"rejected\"}"], 1);
    EXPECT_EQ(m["finsam_connector_rejected_files_total{" + c + "}"], 1);
    EXPECT_EQ(m["finsam_connector_batches_total{" + c + "}"], 2);
    EXPECT_EQ(m["finsam_connector_batch_duration_seconds_bucket{" + c + ",le=\"0.25\"}"], 1);
    EXPECT_EQ(m["finsam_connector_batch_duration_seconds_bucket{" + c + ",le=\"2.5\"}"], 1);
    EXPECT_EQ(m["finsam_connector_batch_duration_seconds_bucket{" + c + ",le=\"5\"}"], 2);
    EXPECT_EQ(m["finsam_connector_batch_duration_seconds_bucket{" + c + ",le=\"+Inf\"}"], 2);
    EXPECT_DOUBLE_EQ(m["finsam_connector_batch_duration_seconds_sum{" + c + "}"], 3.2);
    EXPECT_EQ(m["finsam_connector_batch_duration_seconds_count{" + c + "}"], 2);
    EXPECT_EQ(m["finsam_connector_state{" + c + ",state=\"idle\"}"], 1);
    EXPECT_EQ(m["finsam_connector_state{" + c + ",state=\"running\"}"], 0);
    EXPECT_EQ(m["finsam_feed_head_seq"], 0);
    EXPECT_GT(m["finsam_store_size_bytes"], 0);
    EXPECT_EQ(m["finsam_ready"], 1);
    EXPECT_EQ(m.count("finsam_connector_last_success_timestamp_seconds{" + c + "}"), 0u) << "no run yet";
    EXPECT_EQ(m["finsam_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}"], 1);
    EXPECT_EQ(m["finsam_http_requests_total{route=\"/v1/feed/head\",method=\"GET\",status=\"200\"}"], 1);
    EXPECT_EQ(m["finsam_http_requests_total{route=\"/metrics\",method=\"GET\",status=\"401\"}"], 1);
    EXPECT_EQ(m["finsam_http_requests_total{route=\"/metrics\",method=\"GET\",status=\"403\"}"], 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConnectorApiTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
