// connectors/region-fhir/tests/settings_test.cpp — descriptor, schema, check(), open().
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <fstream>

#include "identity_scan.h"
#include "region_fhir_connector.h"
#include "region_test_support.h"
#include "search_query.h"
#include "settings_schema.h"
#include "temp_dir.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

using sdk::testkit::validateSettings;

std::string source(const std::string& relative) { return readFile(std::string(FINSAM_SOURCE_DIR) + "/" + relative); }

TEST(Descriptor, NamesMatchTheFolderAndTheSchemaIsEmbedded) {
    RegionFhirConnector connector;
    EXPECT_EQ(connector.id(), "region-fhir");
    EXPECT_FALSE(connector.version().empty());
    const auto schema = connector.configSchema();
    EXPECT_EQ(schema, source("connectors/region-fhir/schema.json"));
    EXPECT_EQ(sdk::testkit::lintSettingsSchema(schema), std::vector<std::string>{});
}

TEST(SettingsSchema, AcceptsGoodSettingsAndTheExample) {
    const auto schema = RegionFhirConnector().configSchema();
    for (const std::string& settings :
         {settingsJson(),
          std::string(R"({"base_url":"http://localhost:8443/fhir","token":{"file":"secrets/region.token"}})"),
          settingsJson(10, R"("tls":{"ca_file":"ca.pem","verify":true},"timeouts":{"connect_seconds":5},)"
                           R"("retries":{"max_attempts":3,"max_retry_after_seconds":60},)"
                           R"("organisation_hsa_ids":["SE2321000016-F1NS"],"start_since":"2019-01-01T00:00:00+01:00",)"
                           R"("rehabkoordinering":"kontakt")")}) {
        EXPECT_EQ(validateSettings(schema, settings), std::vector<std::string>{}) << settings;
    }
    EXPECT_EQ(validateSettings(schema, source("config/examples/region-fhir.settings.json")),
              std::vector<std::string>{});
}

TEST(SettingsSchema, RefusesBadSettingsNamingThePointer) {
    const auto schema = RegionFhirConnector().configSchema();
    const std::pair<std::string, std::string> cases[] = {
        {R"({"token":{"env":"T"}})", "/: missing required property base_url"},
        {R"({"base_url":"ftp://x/R4","token":{"env":"T"}})", "/base_url"},
        {R"({"base_url":"https://x/R4?a=b","token":{"env":"T"}})", "/base_url"},
        {R"({"base_url":"https://x/R4","token":{"env":"T","file":"f"}})", "/token"},
        {R"({"base_url":"https://x/R4","token":{"value":"abc"}})", "/token"},
        {R"({"base_url":"https://x/R4","token":"abc"})", "/token"},
        {settingsJson(0), "/page_size"},
        {settingsJson(200, R"("start_since":"2019-01-01")"), "/start_since"},
        {settingsJson(200, R"("rehabkoordinering":"deltagande")"), "/rehabkoordinering"},
        {settingsJson(200, R"("organisation_hsa_ids":[])"), "/organisation_hsa_ids"},
    };
    for (const auto& [settings, pointer] : cases) {
        const auto problems = validateSettings(schema, settings);
        ASSERT_FALSE(problems.empty()) << settings;
        EXPECT_EQ(problems[0].rfind(pointer, 0), 0u) << settings << ": " << problems[0];
    }
}

TEST(Check, NamesWhatTheSchemaCannotSee) {
    sdk::testkit::TempDir dir;
    const sdk::Context context{"region", "region-01", dir.path().string(), nullptr};
    RegionFhirConnector connector;
    ::setenv("REGION_FHIR_TOKEN", "check-reads-but-never-shows", 1);
    EXPECT_EQ(connector.check(settingsJson(), context), std::vector<std::string>{});
    auto problems = connector.check(settingsJson(200, R"("tls":{"ca_file":"no-such-ca.pem"})"), context);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].rfind("/tls/ca_file: ", 0), 0u) << problems[0];
    std::ofstream(dir.path() / "ca.pem") << "-----BEGIN CERTIFICATE-----\n";
    EXPECT_EQ(connector.check(settingsJson(200, R"("tls":{"ca_file":"ca.pem"})"), context), std::vector<std::string>{});
    problems = connector.check(R"({"base_url":"https:///R4","token":{"env":"T"}})", context);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].rfind("/base_url: ", 0), 0u) << problems[0];
    problems = connector.check(R"({"base_url":"https://x/R4","token":{}})", context);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].rfind("/token: ", 0), 0u) << problems[0];
    ::unsetenv("REGION_FHIR_TOKEN");
    problems = connector.check(settingsJson(), context);
    ASSERT_EQ(problems.size(), 1u) << "a token that cannot be read is a configuration problem";
    EXPECT_EQ(problems[0].rfind("/token: ", 0), 0u) << problems[0];
    EXPECT_NE(problems[0].find("REGION_FHIR_TOKEN"), std::string::npos) << problems[0];
}

TEST(Open, AnUnreadableTokenIsAConfigErrorThatNamesTheVariableNotAValue) {
    ::unsetenv("REGION_FHIR_TOKEN_UNSET");
    RegionFhirConnector connector;
    sdk::Result error;
    auto run = connector.open(R"({"base_url":"https://x/R4","token":{"env":"REGION_FHIR_TOKEN_UNSET"}})", "",
                              {"region", "region-01", "/tmp", nullptr}, error);
    EXPECT_EQ(run, nullptr);
    EXPECT_EQ(error.status, sdk::Status::kInvalidConfig);
    EXPECT_NE(error.message.find("REGION_FHIR_TOKEN_UNSET"), std::string::npos) << error.message;
}

TEST(Open, AReadableTokenOpensARunOverHttp) {
    ::setenv("REGION_FHIR_TOKEN_TEST", "not-a-real-token", 1);
    RegionFhirConnector connector;
    sdk::Result error;
    auto run = connector.open(R"({"base_url":"https://x/R4","token":{"env":"REGION_FHIR_TOKEN_TEST"}})", "",
                              {"region", "region-01", "/tmp", nullptr}, error);
    EXPECT_NE(run, nullptr) << error.message;
    ::unsetenv("REGION_FHIR_TOKEN_TEST");
}

TEST(SearchQuery, IsTheSpecsQueryWithSincePercentEncoded) {
    EXPECT_EQ(searchUrl(kBase, "EpisodeOfCare", "2019-03-17T02:00:00+01:00", 200),
              std::string(kBase) + "/EpisodeOfCare?_lastUpdated=ge2019-03-17T02:00:00%2B01:00&_include="
                                   "EpisodeOfCare:patient&_sort=_lastUpdated&_count=200");
    EXPECT_EQ(searchUrl(kBase, "Consent", "", 50),
              std::string(kBase) + "/Consent?_include=Consent:patient&_sort=_lastUpdated&_count=50");
}

TEST(SearchQuery, OriginsDecideWhereTheTokenMayGo) {
    EXPECT_EQ(originOf("https://FHIR.region.test/R4"), "https://fhir.region.test:443");
    EXPECT_EQ(originOf("https://fhir.region.test:443/R4?_getpages=x"), "https://fhir.region.test:443");
    EXPECT_EQ(originOf("http://localhost:8080"), "http://localhost:8080");
    EXPECT_NE(originOf("https://fhir.region.test:8443/R4"), originOf("https://fhir.region.test/R4"));
    for (const char* url : {"ftp://x/R4", "https://", "https:///R4", "https://user@x/R4", "https://x:/R4",
                            "https://:443/R4", "fhir.region.test/R4"}) {
        EXPECT_FALSE(originOf(url).has_value()) << url;
    }
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
