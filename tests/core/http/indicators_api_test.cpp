// tests/core/http/indicators_api_test.cpp — GET /v1/indicators: scope, parameters, förbund limits, both formats.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "core/store/entity_writer.h"
#include "tests/core/http/api_client.h"
#include "tests/core/http/api_fixture.h"

namespace finsam::testing {
namespace {

class IndicatorsApiTest : public ::testing::TestWithParam<TestBackend> {
protected:
    IndicatorsApiTest() : api_(GetParam()) {
        auto& db = api_.database();
        soci::transaction transaction(db.session());
        store::EntityWriter writer(db);
        auto record = [](const std::string& entity, const std::string& key,
                         std::map<std::string, std::vector<std::string>> values) {
            model::WorkRecord out;
            out.connector = "forbund-csv";
            out.organisation = "forbund-a";
            out.entity = entity;
            out.sourceKey = key;
            out.values = std::move(values);
            out.anonymous = entity == "deltagande";
            return out;
        };
        writer.upsert(record("insats", "I-1", {{"insats_id", {"I-1"}}, {"inriktning", {"individinriktad"}},
                                               {"uppfoljningsmetod", {"individ"}}}),
                      "");
        // Seven anonymous participations in 2025: a count above the threshold, with small cells by kön.
        for (int i = 0; i < 7; ++i) {
            writer.upsert(record("deltagande", "D-" + std::to_string(i),
                                 {{"insats_id", {"I-1"}}, {"kon", {i < 5 ? "kvinna" : "man"}}, {"fodelsear", {"1990"}},
                                  {"startdatum", {"2025-02-01"}}}),
                          "");
        }
        transaction.commit();
    }

    ApiResponse get(const std::string& query, const std::string& token = kStatsToken) {
        return api_.get("/v1/indicators" + query, token);
    }

    ApiFixture api_;
};

TEST_P(IndicatorsApiTest, AnswersRowsWithSuppressionForTheIndicatorsScope) {
    auto response = get("?forbund=forbund-a&from=2025-01-01&to=2025-12-31");
    ASSERT_EQ(response.status, 200) << response.body;
    rapidjson::Document document;
    document.Parse(response.body.c_str());
    ASSERT_TRUE(document.HasMember("rows"));
    bool sawTotal = false, sawSuppressed = false;
    for (const auto& row : document["rows"].GetArray()) {
        const std::string indicator = row["indicator"].GetString(), dimension = row["dimension"].GetString();
        const std::string category = row["category"].GetString();
        if (indicator == "deltagare_anonyma" && std::string(row["insats"].GetString()).empty() &&
            dimension == "total") {
            sawTotal = true;
            EXPECT_EQ(row["numerator"].GetInt64(), 7);
            EXPECT_FALSE(row["suppressed"].GetBool());
        }
        if (indicator == "deltagare_anonyma" && dimension == "kon" && category == "man") {
            sawSuppressed = row["suppressed"].GetBool() && row["numerator"].IsNull();
        }
    }
    EXPECT_TRUE(sawTotal);
    EXPECT_TRUE(sawSuppressed) << "2 men must not be published";
}

TEST_P(IndicatorsApiTest, CsvHasTheDocumentedColumns) {
    auto response = get("?forbund=forbund-a&from=2025-01-01&to=2025-12-31&format=csv&period=half");
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.contentType, "text/csv; charset=utf-8");
    EXPECT_EQ(response.body.substr(0, response.body.find("\r\n")),
              "indicator,version,forbund,insats,period,dimension,category,numerator,denominator,value,suppressed,"
              "observed,expected,ratio,ci_low,ci_high");
    EXPECT_NE(response.body.find(",2025-H1,"), std::string::npos);
}

TEST_P(IndicatorsApiTest, RefusesOtherScopesAndBadParametersByName) {
    EXPECT_EQ(get("?forbund=forbund-a&from=2025-01-01&to=2025-12-31", kReaderToken).status, 403);
    EXPECT_EQ(get("?forbund=forbund-a&from=2025-01-01&to=2025-12-31", "").status, 401);
    auto missing = get("?forbund=forbund-a&to=2025-12-31");
    EXPECT_EQ(missing.status, 400);
    EXPECT_NE(missing.body.find("from"), std::string::npos) << missing.body;
    auto bad = get("?forbund=forbund-a&from=2025-13-01&to=2025-12-31");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(get("?forbund=forbund-a&from=2025-01-01&to=2025-12-31&period=month").status, 400);
    EXPECT_EQ(get("?forbund=forbund-a&from=2025-01-01&to=2025-12-31&bogus=1").status, 400);
    // 30 000 tertials, each rescanning every fact: one request would compute for hours.
    auto centuries = get("?forbund=forbund-a&from=0001-01-01&to=9999-12-31&period=tertial");
    EXPECT_EQ(centuries.status, 400);
    EXPECT_NE(centuries.body.find("must be less than 50 years after from"), std::string::npos) << centuries.body;
    EXPECT_EQ(get("?forbund=forbund-a&from=2004-01-01&to=2053-12-31").status, 200) << "49 years is fine";
    EXPECT_EQ(get("?forbund=forbund-a&from=2004-12-31&to=2054-01-01").status, 200) << "49 years and a day";
    EXPECT_EQ(get("?forbund=forbund-a&from=2004-01-01&to=2054-01-01").status, 400) << "50 years";
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorsApiTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
