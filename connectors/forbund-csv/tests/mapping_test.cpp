// connectors/forbund-csv/tests/mapping_test.cpp — config/mappings/forbund-csv.json covers what the
// connector emits.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <sstream>

#include "drop_fixture.h"
#include "settings_schema.h"
#include "temp_dir.h"

namespace finsam::connectors::forbund_csv::testing {
namespace {

std::string readSource(const std::string& relative) {
    std::ifstream in(std::filesystem::path(FINSAM_SOURCE_DIR) / relative, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(Mapping, FileMatchesTheMappingSchema) {
    const auto schema = readSource("config/schemas/mapping.schema.json");
    const auto mapping = readSource("config/mappings/forbund-csv.json");
    ASSERT_FALSE(schema.empty());
    EXPECT_EQ(sdk::testkit::validateSettings(schema, mapping), std::vector<std::string>{});
}

// Every display value the sample register uses for a mapped field has an entry, so the sample
// normalises without an unknown-code quarantine. (Whether the codes are canonical is checked by the
// hub's loader.)
TEST(Mapping, CoversEveryMappedValueOfTheSampleSet) {
    rapidjson::Document mapping;
    const auto text = readSource("config/mappings/forbund-csv.json");
    ASSERT_FALSE(mapping.Parse(text.c_str()).HasParseError());
    sdk::testkit::TempDir drop;
    stageFixture("good-set", drop.path());
    auto outcome = runOnce(drop.path());
    ASSERT_FALSE(outcome.collected.records.empty());
    int checked = 0;
    for (const auto& record : outcome.collected.records) {
        const auto& fields = mapping["fields"];
        if (!fields.HasMember(record.entity.c_str())) {
            continue;
        }
        const auto& entityFields = fields[record.entity.c_str()];
        for (const auto& field : record.fields) {
            if (!entityFields.HasMember(field.name.c_str())) {
                continue;
            }
            const auto& table = mapping["tables"][entityFields[field.name.c_str()].GetString()];
            EXPECT_TRUE(table.HasMember(field.value.c_str()))
                << record.entity << "." << field.name << " = " << field.value;
            ++checked;
        }
    }
    EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace finsam::connectors::forbund_csv::testing
