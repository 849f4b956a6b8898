// tests/core/app/cli_test.cpp — the subcommands as an IT administrator uses them: init, check-config, pnr.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/leak_scan.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;

std::string lastLine(const std::string& text) {
    auto end = text.find_last_not_of('\n');
    auto start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

TEST(CliTest, PnrDiagnosesEachInput) {
    auto result = runHub({"pnr", "19740504-9334", "7405049334", "19860875-8823", "19740504-9335", "1974 0504-9334"});
    std::istringstream lines(result.out);
    std::string line;
    std::vector<rapidjson::Document> rows;
    while (std::getline(lines, line)) {
        rows.emplace_back().Parse(line.c_str());
    }
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_TRUE(rows[0]["valid"].GetBool());
    EXPECT_STREQ(rows[0]["kind"].GetString(), "personnummer");
    EXPECT_STREQ(rows[0]["normalized"].GetString(), "197405049334");
    EXPECT_STREQ(rows[0]["sex"].GetString(), "man");
    EXPECT_STREQ(rows[1]["normalized"].GetString(), "197405049334");
    EXPECT_FALSE(rows[3]["valid"].GetBool());
    EXPECT_TRUE(rows[3].HasMember("error"));
    EXPECT_FALSE(rows[4]["valid"].GetBool()) << "a space is an error";
    EXPECT_NE(result.exitCode, 0);
}

TEST(CliTest, InitScaffoldsAConfigThatChecksAndIngests) {
    TempDir dir;
    copyDropSet(std::string(FINSAM_SOURCE_DIR) + "/config/demo/data/forbund", dir.file("inbox/forbund"));
    auto init = runHub({"init", "--data", dir.file("inbox"), "--out", dir.file("conf"), "--forbund-orgnr",
                        "2220001230"});
    ASSERT_EQ(init.exitCode, 0) << init.err;
    rapidjson::Document summary;
    summary.Parse(lastLine(init.out).c_str());
    ASSERT_FALSE(summary.HasParseError()) << init.out;
    EXPECT_EQ(summary["config"].GetString(), dir.file("conf/hub.json"));
    EXPECT_EQ(std::string(summary["tokens"]["admin"].GetString()).size(), 64u);
    auto hubJson = fileBytes(dir.file("conf/hub.json"));
    EXPECT_EQ(hubJson.find(summary["tokens"]["reader"].GetString()), std::string::npos) << "only hashes are kept";
    EXPECT_NE(hubJson.find("forbund-sthlm"), std::string::npos) << "the förbund is read from the Insats-IDs";
    auto mode = fs::status(dir.file("conf/keys/pseudonym.key")).permissions();
    EXPECT_EQ(mode & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);

    auto check = runHub({"check-config", "--config", dir.file("conf/hub.json")});
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
    auto again = runHub({"init", "--data", std::string(FINSAM_SOURCE_DIR) + "/config/demo/data", "--out",
                         dir.file("conf")});
    EXPECT_NE(again.exitCode, 0) << "init never overwrites a configuration or its key";
    auto ingest = runHub({"ingest", "--config", dir.file("conf/hub.json"), "--all"});
    EXPECT_EQ(ingest.exitCode, 0) << ingest.err;
    rapidjson::Document counts;
    counts.Parse(lastLine(ingest.out).c_str());
    EXPECT_EQ(counts["accepted"].GetInt64(), counts["read"].GetInt64());
    EXPECT_GT(counts["accepted"].GetInt64(), 250) << "the whole demo register: " << ingest.out;
}

TEST(CliTest, InitRecognisesEveryPartnerFolderAndTheWholeDemoWorldIngests) {
    TempDir dir;
    const std::string demo = std::string(FINSAM_SOURCE_DIR) + "/config/demo/data/";
    copyDropSet(demo + "forbund", dir.file("inbox/forbund"));
    for (const char* partner : {"af", "fk"}) {
        fs::create_directories(dir.file(std::string("inbox/") + partner));
        sdk::testkit::copyFiles(demo + partner, dir.file(std::string("inbox/") + partner));
    }
    auto init = runHub({"init", "--data", dir.file("inbox"), "--out", dir.file("conf")});
    ASSERT_EQ(init.exitCode, 0) << init.err;
    EXPECT_NE(init.out.find("with 3 connector(s)"), std::string::npos) << init.out;
    EXPECT_NE(fileBytes(dir.file("conf/connectors/af.json")).find("\"forbund_orgnr\": \"2220001230\""),
              std::string::npos) << "the organisationsnummer is read from the partners' file names";
    ASSERT_EQ(runHub({"check-config", "--config", dir.file("conf/hub.json")}).exitCode, 0);
    auto ingest = runHub({"ingest", "--config", dir.file("conf/hub.json"), "--all"});
    ASSERT_EQ(ingest.exitCode, 0) << ingest.err;
    int connectors = 0;
    std::istringstream lines(ingest.out);
    for (std::string line; std::getline(lines, line);) {
        rapidjson::Document summary;
        if (summary.Parse(line.c_str()).HasParseError() || !summary.HasMember("connector")) {
            continue;
        }
        ++connectors;
        EXPECT_GT(summary["read"].GetInt64(), 0) << line;
        EXPECT_EQ(summary["read"].GetInt64(), summary["accepted"].GetInt64() + summary["quarantined"].GetInt64() +
                                                   summary["rejected_rows"].GetInt64())
            << line;
    }
    EXPECT_EQ(connectors, 3);
    auto stats = runHub({"stats", "--config", dir.file("conf/hub.json")});
    rapidjson::Document counts;
    counts.Parse(lastLine(stats.out).c_str());
    EXPECT_GT(counts["duplicate_reports"].GetInt64(), 0) << "AF reports participations the register holds too";
    EXPECT_EQ(counts["connectors"].Size(), 3u);
}

TEST(CliTest, InitScaffoldsTheHttpPartnersWithCredentialFilesNeverTheirValues) {
    TempDir dir;
    fs::create_directories(dir.file("secrets"));
    sdk::testkit::writeSecretFile(dir.file("secrets/region.token"), "region-token-value\n");
    sdk::testkit::writeSecretFile(dir.file("secrets/kommun.id"), "kommun-client\n");
    sdk::testkit::writeSecretFile(dir.file("secrets/kommun.secret"), "kommun-secret-value\n");
    auto init = runHub({"init", "--out", dir.file("conf"), "--forbund", "forbund-sthlm", "--region-url",
                        "https://fhir.region.test/R4/", "--region-token-file", dir.file("secrets/region.token"),
                        "--kommun-url", "https://api.kommun.test", "--kommun-client-id-file",
                        dir.file("secrets/kommun.id"), "--kommun-client-secret-file",
                        dir.file("secrets/kommun.secret"), "--kommun-org", "kommun-0180"});
    ASSERT_EQ(init.exitCode, 0) << init.err;
    EXPECT_NE(init.out.find("with 2 connector(s)"), std::string::npos) << init.out;
    const std::string region = fileBytes(dir.file("conf/connectors/region-01.json"));
    EXPECT_NE(region.find("\"base_url\": \"https://fhir.region.test/R4\""), std::string::npos) << region;
    EXPECT_NE(region.find(dir.file("secrets/region.token")), std::string::npos) << "the file is named";
    const std::string kommun = fileBytes(dir.file("conf/connectors/kommun-0180.json"));
    EXPECT_NE(kommun.find("\"plugin\": \"kommun-api\""), std::string::npos) << kommun;
    for (const std::string& config : {region, kommun, fileBytes(dir.file("conf/hub.json"))}) {
        for (const char* secret : {"region-token-value", "kommun-client\"", "kommun-secret-value"}) {
            EXPECT_EQ(config.find(secret), std::string::npos) << "no credential is copied into a config";
        }
    }
    auto mode = fs::status(dir.file("conf/keys/kommun-join.key")).permissions();
    EXPECT_EQ(mode & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
    auto check = runHub({"check-config", "--config", dir.file("conf/hub.json")});
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;

    auto missing = runHub({"init", "--out", dir.file("conf2"), "--forbund", "forbund-sthlm", "--region-url",
                           "https://fhir.region.test/R4", "--region-token-file", dir.file("secrets/none")});
    EXPECT_NE(missing.exitCode, 0);
    EXPECT_NE(missing.err.find("--region-token-file"), std::string::npos) << missing.err;
    auto badUrl = runHub({"init", "--out", dir.file("conf3"), "--forbund", "forbund-sthlm", "--region-url",
                          "fhir.region.test", "--region-token-file", dir.file("secrets/region.token")});
    EXPECT_NE(badUrl.exitCode, 0);
    EXPECT_NE(badUrl.err.find("--region-url"), std::string::npos) << badUrl.err;
}

TEST(CliTest, CheckConfigNamesFilePointerAndReason) {
    TempDir dir;
    ASSERT_EQ(runHub({"init", "--data", std::string(FINSAM_SOURCE_DIR) + "/config/demo/data", "--out",
                      dir.file("conf")}).exitCode, 0);
    std::string instance = dir.file("conf/connectors/forbund.json");
    std::ofstream(instance, std::ios::trunc)
        << R"({"id":"forbund","plugin":"forbund-csv","organisation":"forbund-sthlm","settings":{"dropdir":"x"}})";
    auto check = runHub({"check-config", "--config", dir.file("conf/hub.json")});
    EXPECT_NE(check.exitCode, 0);
    EXPECT_NE(check.out.find(instance + ": /settings"), std::string::npos) << check.out;

    std::ofstream(dir.file("conf/hub.json"), std::ios::trunc) << R"({"forbund":{"id":"Bad Id","name":"x"}})";
    check = runHub({"check-config", "--config", dir.file("conf/hub.json")});
    EXPECT_NE(check.exitCode, 0);
    EXPECT_NE(check.out.find(dir.file("conf/hub.json") + ": /"), std::string::npos) << check.out;
}

TEST(CliTest, RefusesAWorldReadableKey) {
    TempDir dir;
    ASSERT_EQ(runHub({"init", "--data", std::string(FINSAM_SOURCE_DIR) + "/config/demo/data", "--out",
                      dir.file("conf")}).exitCode, 0);
    fs::permissions(dir.file("conf/keys/pseudonym.key"), fs::perms::others_read, fs::perm_options::add);
    auto ingest = runHub({"ingest", "--config", dir.file("conf/hub.json"), "--all"});
    EXPECT_NE(ingest.exitCode, 0);
    EXPECT_NE(ingest.err.find("pseudonym.key"), std::string::npos) << ingest.err;
    EXPECT_FALSE(fs::exists(dir.file("conf/hub.db"))) << "no store is opened without a safe key";
}

}  // namespace
}  // namespace finsam::testing
