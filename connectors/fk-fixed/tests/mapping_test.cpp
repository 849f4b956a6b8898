// connectors/fk-fixed/tests/mapping_test.cpp — config/mappings/fk-fixed.json translates every
// förmånskod the connector lets through, into codes the hub knows.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>

#include "drop_fixture.h"
#include "settings_schema.h"
#include "temp_dir.h"

namespace finsam::connectors::fk_fixed::testing {
namespace {

TEST(Mapping, FileMatchesTheMappingSchema) {
    const auto schema = readSource("config/schemas/mapping.schema.json");
    const auto mapping = readSource("config/mappings/fk-fixed.json");
    ASSERT_FALSE(schema.empty());
    ASSERT_FALSE(mapping.empty());
    EXPECT_EQ(sdk::testkit::validateSettings(schema, mapping), std::vector<std::string>{});
}

// The connector quarantines any other code (README "Codes"), so these four are the whole table,
// and each maps to a code of the canonical ersattningstyp list (core/model/code_lists.cpp, read
// as text: a connector never links core).
TEST(Mapping, MapsTheFourFormanskoderToCanonicalCodes) {
    rapidjson::Document mapping;
    const auto text = readSource("config/mappings/fk-fixed.json");
    ASSERT_FALSE(mapping.Parse(text.c_str()).HasParseError());
    const std::string tableName =
        mapping["fields"]["ersattningsperiod"]["ersattningstyp"].GetString();
    const auto& table = mapping["tables"][tableName.c_str()];
    const std::map<std::string, std::string> expected = {{"SJP", "sjukpenning"},
                                                         {"RHP", "rehabiliteringspenning"},
                                                         {"AKE", "aktivitetsersattning"},
                                                         {"SJE", "sjukersattning"}};
    EXPECT_EQ(table.MemberCount(), expected.size());
    const auto codeLists = readSource("core/model/code_lists.cpp");
    for (const auto& [code, canonical] : expected) {
        ASSERT_TRUE(table.HasMember(code.c_str())) << code;
        EXPECT_EQ(std::string(table[code.c_str()].GetString()), canonical);
        EXPECT_NE(codeLists.find("\"" + canonical + "\""), std::string::npos) << canonical;
    }
}

TEST(Mapping, CoversEveryCodeTheSamplesCarry) {
    rapidjson::Document mapping;
    const auto text = readSource("config/mappings/fk-fixed.json");
    ASSERT_FALSE(mapping.Parse(text.c_str()).HasParseError());
    const auto& table = mapping["tables"]["fk_formanskod"];
    sdk::testkit::TempDir drop;
    stageFixture("samples", drop.path());
    const auto outcome = runOnce(drop.path());
    ASSERT_EQ(outcome.collected.records.size(), 15u);
    for (const auto& record : outcome.collected.records) {
        EXPECT_TRUE(table.HasMember(record.fields[1].value.c_str())) << record.fields[1].value;
    }
}

}  // namespace
}  // namespace finsam::connectors::fk_fixed::testing
