// plugins/mapped-csv/tests/forbund_equivalence_test.cpp — the example config reads deltaganden.csv
// as connectors/forbund-csv with config/mappings/forbund-csv.json does.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "fixture_run.h"
#include "forbund_csv_connector.h"
#include "mapped_csv_connector.h"
#include "temp_dir.h"

namespace finsam::connectors::mapped_csv::testing {
namespace {

namespace fs = std::filesystem;
using sdk::testkit::TempDir;

// What the host's normaliser does with a mapping file (core/normalise/normaliser.cpp): each value
// of a field with a table is replaced by its entry. The sample must have an entry for every value.
void applyMapping(const rapidjson::Document& mapping, std::vector<sdk::Record>& records) {
    for (auto& record : records) {
        const auto& fields = mapping["fields"];
        if (!fields.HasMember(record.entity.c_str())) {
            continue;
        }
        const auto& tables = fields[record.entity.c_str()];
        for (auto& field : record.fields) {
            if (!tables.HasMember(field.name.c_str())) {
                continue;
            }
            const auto& table = mapping["tables"][tables[field.name.c_str()].GetString()];
            ASSERT_TRUE(table.HasMember(field.value.c_str())) << field.name << " " << field.value;
            field.value = table[field.value.c_str()].GetString();
        }
    }
}

std::string describe(const sdk::Record& record) {
    std::string text = record.entity + " " + record.key + " line " +
                       std::to_string(record.position.line) +
                       (record.operation == sdk::Operation::kUpsert ? " upsert" : " retract");
    for (const auto& field : record.fields) {
        text += "\n  " + field.name + "=" + field.value + " @" + std::to_string(field.column);
    }
    return text + "\n  raw=" + record.raw;
}

TEST(ForbundEquivalence, TheExampleConfigYieldsTheForbundConnectorsMappedDeltaganden) {
    // The layout the example expects: the instance config in conf/, the drop in
    // ../drops/forbund-sthlm.
    TempDir dir;
    const fs::path conf = dir.path() / "conf";
    const fs::path drop = dir.path() / "drops/forbund-sthlm";
    fs::create_directories(conf);
    fs::create_directories(drop);
    sdk::testkit::copyFiles(fixtureDir("forbund-deltaganden") / "drop", drop);
    sdk::testkit::touchAfterSiblings(drop / "KLAR");  // the förbund writes it last

    MappedCsvConnector mapped;
    const auto viaMapped = sdk::testkit::runToDrain(
        mapped, readSourceFile("config/examples/mapped-csv.forbund-deltaganden.json"), "",
        sdk::Context{"mapped", "forbund-sthlm", conf.string(), nullptr});
    ASSERT_EQ(viaMapped.result.status, sdk::Status::kOk) << viaMapped.result.message;

    forbund_csv::ForbundCsvConnector forbund;
    const auto viaForbund =
        sdk::testkit::runToDrain(forbund, R"({"drop_dir": "../drops/forbund-sthlm"})", "",
                                 sdk::Context{"forbund", "forbund-sthlm", conf.string(), nullptr});
    ASSERT_EQ(viaForbund.result.status, sdk::Status::kOk) << viaForbund.result.message;
    auto expected = viaForbund.collected.recordsOf("deltagande");
    rapidjson::Document mapping;
    ASSERT_FALSE(
        mapping.Parse(readSourceFile("config/mappings/forbund-csv.json").c_str()).HasParseError());
    applyMapping(mapping, expected);

    const auto actual = viaMapped.collected.recordsOf("deltagande");
    ASSERT_EQ(actual.size(), 12u);
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        // Entity, key, operation, line, every field (name, value after mapping, column) and the raw
        // row with anonymous numbers blanked: the same, in the same order.
        EXPECT_EQ(describe(actual[i]), describe(expected[i]));
        EXPECT_EQ(fs::path(actual[i].position.source).filename(),
                  fs::path(expected[i].position.source).filename());
    }
    EXPECT_TRUE(viaMapped.collected.problems.empty());
    EXPECT_TRUE(viaMapped.collected.rejections.empty());
    EXPECT_EQ(viaMapped.collected.snapshots, std::vector<std::string>{"deltagande"});
    for (const auto& problem : viaForbund.collected.problems) {
        EXPECT_NE(problem.entity, "deltagande");
    }
}

}  // namespace
}  // namespace finsam::connectors::mapped_csv::testing
