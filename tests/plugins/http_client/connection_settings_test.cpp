// tests/plugins/http_client/connection_settings_test.cpp — the settings every HTTP connector reads one way.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "finsam/http_client/connection_settings.h"
#include "temp_dir.h"

namespace finsam::http_client {
namespace {

namespace fs = std::filesystem;

TEST(ConnectionSettings, ReadsBaseUrlSecretsTlsTimeoutsAndRetries) {
    std::vector<std::string> problems;
    auto settings = readConnectionSettings(
        R"({"base_url": "https://fhir.region.test/R4/", "token": {"file": "secrets/token"},
            "tls": {"ca_file": "ca.pem", "verify": true}, "timeouts": {"connect_seconds": 3, "request_seconds": 9},
            "retries": {"max_attempts": 2, "base_delay_ms": 10, "max_delay_seconds": 1,
                        "max_retry_after_seconds": 5, "max_429_waits": 4}, "page_size": 50})",
        "/etc/finsam/connectors", {"token"}, "finsam-hub test", problems);
    ASSERT_TRUE(settings) << (problems.empty() ? "" : problems.front());
    EXPECT_EQ(settings->baseUrl, "https://fhir.region.test/R4") << "no trailing slash";
    EXPECT_EQ(settings->secrets.at("token").file, "secrets/token");
    EXPECT_EQ(settings->client.tls.caFile, "/etc/finsam/connectors/ca.pem") << "relative to the config's folder";
    EXPECT_EQ(settings->client.connectTimeout, std::chrono::seconds(3));
    EXPECT_EQ(settings->client.timeout, std::chrono::seconds(9));
    EXPECT_EQ(settings->client.retry.maxAttempts, 2);
    EXPECT_EQ(settings->client.retry.baseDelay, std::chrono::milliseconds(10));
    EXPECT_EQ(settings->client.retry.maxRetryAfter, std::chrono::seconds(5));
    EXPECT_EQ(settings->client.retry.max429, 4);
    EXPECT_EQ(settings->client.userAgent, "finsam-hub test");
}

TEST(ConnectionSettings, EveryProblemNamesItsPointer) {
    std::vector<std::string> problems;
    auto settings = readConnectionSettings(
        R"({"base_url": "ftp://x?y", "token": {"env": "A", "file": "b"}, "tls": {"verify": "yes"},
            "retries": {"max_attempts": 0}})",
        ".", {"token", "secret"}, "ua", problems);
    EXPECT_FALSE(settings);
    const std::vector<std::string> expected = {
        "/base_url: required, an http(s) URL with a host and no query",
        "/token: exactly one of env or file, as a string",
        "/secret: required, {\"env\": \"NAME\"} or {\"file\": \"path\"}",
        "/tls/verify: true or false",
        "/retries/max_attempts: an integer from 1 to 20"};
    EXPECT_EQ(problems, expected);
    problems.clear();
    EXPECT_FALSE(readConnectionSettings(R"({"base_url": "https:///R4"})", ".", {}, "ua", problems));
    EXPECT_EQ(problems, std::vector<std::string>{expected[0]}) << "a URL needs a host";
}

TEST(ConnectionSettings, CheckReadsEverySecretWithoutShowingItAndFindsTheCaFile) {
    const fs::path dir = fs::temp_directory_path() / ("finsam-connection-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    sdk::testkit::writeSecretFile(dir / "short.key", "too-short-but-secret\n");
    std::vector<std::string> problems;
    auto settings = readConnectionSettings(
        R"({"base_url": "http://127.0.0.1:1", "key": {"file": "short.key"}, "token": {"env": "FINSAM_UNSET_VAR_X"},
            "tls": {"ca_file": "missing.pem"}})",
        dir.string(), {"key", "token"}, "ua", problems);
    ASSERT_TRUE(settings);
    ::unsetenv("FINSAM_UNSET_VAR_X");
    auto checked = checkConnection(*settings, dir.string(), {{"key", 32}});
    ASSERT_EQ(checked.size(), 3u);
    EXPECT_EQ(checked[0], "/key: must be at least 32 bytes");
    EXPECT_NE(checked[1].find("/token: "), std::string::npos);
    EXPECT_NE(checked[1].find("FINSAM_UNSET_VAR_X"), std::string::npos) << "names the variable";
    EXPECT_NE(checked[2].find("/tls/ca_file: "), std::string::npos);
    for (const auto& problem : checked) {
        EXPECT_EQ(problem.find("too-short-but-secret"), std::string::npos) << "never the value";
    }
    fs::remove_all(dir);
}

}  // namespace
}  // namespace finsam::http_client
