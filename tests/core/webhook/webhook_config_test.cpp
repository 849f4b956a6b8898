// tests/core/webhook/webhook_config_test.cpp — hub.json `webhooks`: defaults, paths, type expansion, and every
// bad entry refused with its file and JSON pointer.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <fstream>

#include "core/config/config_loader.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

std::string writeHub(const TempDir& dir, const std::string& webhooks) {
    std::ofstream(dir.file("hub.json"))
        << R"({"forbund":{"id":"forbund-x","name":"X"},"store":{"backend":"sqlite","path":"hub.db"},)"
        << R"("identity":{"key_file":"k.key","key_id":"k1"},"connectors":[],"webhooks":)" << webhooks << "}";
    return dir.file("hub.json");
}

std::vector<std::string> problemsOf(const std::string& file) {
    try {
        config::loadHubConfig(file);
    } catch (const config::ConfigError& e) {
        return e.problems();
    }
    return {};
}

TEST(WebhookConfig, ReadsEveryOptionWithDefaultsResolvedPathsAndExpandedTypes) {
    TempDir dir;
    auto config = config::loadHubConfig(writeHub(dir, R"([
        {"id":"dash","url":"https://dash.example.org/in","secret_file":"keys/dash.secret"},
        {"id":"stats-1","url":"http://127.0.0.1:9000/hook","secret_env":"STATS_SECRET",
         "types":["deltagande.*","person.linked"],"forbund":"forbund-x","batch_size":1000,"timeout_seconds":3,
         "max_backoff_seconds":60,"ca_file":"ca.pem"}])"));
    ASSERT_EQ(config.webhooks.size(), 2u);
    const auto& dash = config.webhooks[0];
    EXPECT_EQ(dash.id, "dash");
    EXPECT_EQ(dash.url, "https://dash.example.org/in");
    EXPECT_EQ(dash.secretFile, dir.file("keys/dash.secret"));
    EXPECT_EQ(dash.secretEnv, "");
    EXPECT_TRUE(dash.types.empty()) << "absent = every type";
    EXPECT_EQ(dash.forbund, "");
    EXPECT_EQ(dash.batchSize, 100);
    EXPECT_EQ(dash.timeoutSeconds, 10);
    EXPECT_EQ(dash.maxBackoffSeconds, 300);
    EXPECT_EQ(dash.caFile, "");
    const auto& stats = config.webhooks[1];
    EXPECT_EQ(stats.secretEnv, "STATS_SECRET");
    EXPECT_EQ(stats.types, (std::vector<std::string>{"person.linked", "deltagande.started", "deltagande.updated",
                                                     "deltagande.ended", "deltagande.retracted", "deltagande.merged",
                                                     "deltagande.unmerged"}));
    EXPECT_EQ(stats.forbund, "forbund-x");
    EXPECT_EQ(stats.batchSize, 1000);
    EXPECT_EQ(stats.timeoutSeconds, 3);
    EXPECT_EQ(stats.maxBackoffSeconds, 60);
    EXPECT_EQ(stats.caFile, dir.file("ca.pem"));
}

struct BadEntry {
    const char* name;
    const char* webhooks;
    const char* problem;  ///< after "<file>: " (a prefix: the reason's wording is common/json.cpp's)
};

class WebhookConfigRejects : public ::testing::TestWithParam<BadEntry> {};

TEST_P(WebhookConfigRejects, WithFileAndPointer) {
    TempDir dir;
    const std::string file = writeHub(dir, GetParam().webhooks);
    const auto problems = problemsOf(file);
    ASSERT_EQ(problems.size(), 1u) << (problems.empty() ? "accepted" : problems.back());
    EXPECT_EQ(problems.front().rfind(file + ": " + GetParam().problem, 0), 0u) << problems.front();
}

INSTANTIATE_TEST_SUITE_P(
    Entries, WebhookConfigRejects,
    ::testing::Values(
        BadEntry{"DuplicateId",
                 R"([{"id":"a","url":"http://h/","secret_env":"S"},{"id":"a","url":"http://i/","secret_env":"S"}])",
                 "/webhooks/1/id: duplicate webhook id a"},
        BadEntry{"UnknownType", R"([{"id":"a","url":"http://h/","secret_env":"S","types":["person.linked","person.x"]}])",
                 "/webhooks/0/types/1: 'person.x' is not an event type (see /openapi.json or docs/feed.md)"},
        BadEntry{"BothSecrets", R"([{"id":"a","url":"http://h/","secret_env":"S","secret_file":"s"}])",
                 "/webhooks/0: name exactly one of secret_file and secret_env"},
        BadEntry{"NoSecret", R"([{"id":"a","url":"http://h/"}])",
                 "/webhooks/0: name exactly one of secret_file and secret_env"},
        BadEntry{"BadId", R"([{"id":"A b","url":"http://h/","secret_env":"S"}])",
                 "/webhooks/0/id: does not match pattern \"^[a-z0-9][a-z0-9-]*$\""},
        BadEntry{"NotHttp", R"([{"id":"a","url":"ftp://h/","secret_env":"S"}])",
                 "/webhooks/0/url: does not match pattern \"^https?://[^/?# ]+([/?][^# ]*)?$\""},
        BadEntry{"BatchTooLarge", R"([{"id":"a","url":"http://h/","secret_env":"S","batch_size":1001}])",
                 "/webhooks/0/batch_size: violates maximum 1000"},
        BadEntry{"NoTypes", R"([{"id":"a","url":"http://h/","secret_env":"S","types":[]}])",
                 "/webhooks/0/types: violates minItems 1"},
        BadEntry{"UnknownOption", R"([{"id":"a","url":"http://h/","secret_env":"S","retries":3}])",
                 "/webhooks/0/retries: "},
        BadEntry{"MissingUrl", R"([{"id":"a","secret_env":"S"}])", "/webhooks/0: missing required property url"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace finsam::testing
