// plugins/mapped-csv/tests/settings_test.cpp — the descriptor, the schema, and check() on good and
// broken settings.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "fixture_run.h"
#include "identity_scan.h"
#include "mapped_csv_connector.h"
#include "settings_schema.h"
#include "temp_dir.h"

namespace finsam::connectors::mapped_csv::testing {
namespace {

namespace fs = std::filesystem;
using sdk::testkit::TempDir;

const char* const kExamples[] = {
    "config/examples/mapped-csv.forbund-deltaganden.json",
    "config/examples/mapped-csv.ersattningsperioder-windows-1252.json"};

rapidjson::Document parse(const std::string& text) {
    rapidjson::Document document;
    document.Parse(text.c_str());
    EXPECT_FALSE(document.HasParseError()) << text;
    return document;
}

std::string serialise(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return buffer.GetString();
}

TEST(Descriptor, NamesMatchTheFolderAndTheSchemaIsEmbeddedAndLintClean) {
    MappedCsvConnector connector;
    EXPECT_EQ(connector.id(), "mapped-csv");
    EXPECT_FALSE(connector.version().empty());
    const auto schema = connector.configSchema();
    EXPECT_EQ(schema, readSourceFile("plugins/mapped-csv/schema.json"));
    const auto document = parse(schema);
    const std::string id = document["$id"].GetString();
    EXPECT_EQ(id.substr(id.rfind('/') + 1), "mapped-csv");
    EXPECT_EQ(sdk::testkit::lintSettingsSchema(schema), std::vector<std::string>{});
}

// The host validates settings against configSchema() before anything else (plugin_host).
TEST(SettingsSchema, ValidatesTheExampleConfigsAndEveryFixture) {
    const auto schema = MappedCsvConnector().configSchema();
    for (const char* example : kExamples) {
        const auto settings = readSourceFile(example);
        ASSERT_FALSE(settings.empty()) << example;
        EXPECT_EQ(sdk::testkit::validateSettings(schema, settings), std::vector<std::string>{})
            << example;
    }
    for (const auto& name : fixtureNames()) {
        const auto settings =
            readSourceFile("plugins/mapped-csv/fixtures/" + name + "/settings.json");
        EXPECT_EQ(sdk::testkit::validateSettings(schema, settings), std::vector<std::string>{})
            << name;
    }
}

TEST(Check, AcceptsTheExampleConfigsWhereTheirDropFoldersExist) {
    TempDir dir;
    fs::create_directories(dir.path() / "conf");
    fs::create_directories(dir.path() / "drops/forbund-sthlm");
    fs::create_directories(dir.path() / "drops/ersattning");
    sdk::Context context{"i", "forbund-test", (dir.path() / "conf").string(), nullptr};
    for (const char* example : kExamples) {
        EXPECT_EQ(MappedCsvConnector().check(readSourceFile(example), context),
                  std::vector<std::string>{})
            << example;
    }
}

TEST(Check, AcceptsEveryFixture) {
    for (const auto& name : fixtureNames()) {
        TempDir dir;
        const auto fixture = stageFixture(name, dir.path());
        EXPECT_EQ(MappedCsvConnector().check(fixture.settings, fixture.context()),
                  std::vector<std::string>{})
            << name;
    }
}

// The fixtures of the two examples are the examples themselves, pointed at the fixture's folder.
TEST(Check, ExampleFixturesAreTheExampleConfigs) {
    const std::pair<const char*, const char*> pairs[] = {{"forbund-deltaganden", kExamples[0]},
                                                         {"ersattning-windows-1252", kExamples[1]}};
    for (const auto& [fixture, example] : pairs) {
        auto expected = parse(readSourceFile(example));
        expected["drop_dir"].SetString("drop");
        const auto actual = parse(readSourceFile("plugins/mapped-csv/fixtures/" +
                                                 std::string(fixture) + "/settings.json"));
        EXPECT_EQ(serialise(actual), serialise(expected)) << fixture;
    }
}

// A valid deltagande mapping; each broken case below changes one thing.
constexpr const char* kBase = R"({
  "drop_dir": "drop",
  "entity": "deltagande",
  "key": {"columns": ["Deltagande-ID"]},
  "change": {"mode": "snapshot"},
  "value_tables": {"kon": {"Kvinna": "kvinna", "Man": "man"}},
  "fields": [
    {"field": "insats_id", "column": "Insats-ID"},
    {"field": "personnummer", "column": "Personnummer"},
    {"field": "startdatum", "column": "Startdatum"},
    {"field": "kon", "column": "Kön", "value_table": "kon"},
    {"field": "forsorjning_fore", "column": "Försörjning före", "list_separator": ";"}
  ]
})";

struct BrokenCase {
    const char* pointer;  ///< where to change the base; "" = replace nothing
    const char* value;    ///< JSON to put there; nullptr = remove the member
    std::vector<std::string> expected;
};

std::string broken(const BrokenCase& c) {
    auto document = parse(kBase);
    if (c.value == nullptr) {
        rapidjson::Pointer(c.pointer).Erase(document);
    } else if (*c.pointer != '\0') {
        rapidjson::Document value(&document.GetAllocator());
        value.Parse(c.value);
        EXPECT_FALSE(value.HasParseError()) << c.value;
        rapidjson::Pointer(c.pointer).Set(document, value);
    }
    return serialise(document);
}

class BrokenSettings : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenSettings, CheckNamesThePointerAndTheReason) {
    TempDir dir;
    fs::create_directories(dir.path() / "drop");
    sdk::Context context{"i", "forbund-test", dir.path().string(), nullptr};
    const auto problems = MappedCsvConnector().check(broken(GetParam()), context);
    EXPECT_EQ(problems, GetParam().expected);
    for (const auto& problem : problems) {
        EXPECT_TRUE(sdk::testkit::findIdentityLike(problem).empty()) << problem;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BrokenSettings,
    ::testing::Values(
        BrokenCase{"", "", {}},
        BrokenCase{"/entity",
                   R"("person")",
                   {"/entity: 'person' is not valid; must be one of 'insats', 'insats_budget', "
                    "'deltagande', 'samtycke', 'ersattningsperiod'"}},
        BrokenCase{"/fields/3/field",
                   R"("kön")",
                   {"/fields/3/field: 'kön' is not a field of deltagande (its fields: insats_id, "
                    "personnummer, reservnummer, fornamn, efternamn, fodelsedatum, anonym, skyddad, kon, fodelsear, "
                    "startdatum, slutdatum, remitterande_aktor, utbildningsniva, forsorjning_fore, "
                    "tid_offentlig_forsorjning, sysselsattning_fore, avslutsanledning, "
                    "forsorjning_efter, sysselsattning_efter, samtycke_ref)"}},
        BrokenCase{"/fields/2/column",
                   nullptr,
                   {"/fields/2: no column (and no constant) for deltagande.startdatum"}},
        BrokenCase{"/syntax",
                   R"({"encoding": "latin9"})",
                   {"/syntax/encoding: 'latin9' is not valid; must be one of 'utf-8', "
                    "'windows-1252', 'iso-8859-1'"}},
        BrokenCase{"/fields/0/constant",
                   R"("FB-01")",
                   {"/fields/0: give a column or a constant, not both"}},
        BrokenCase{"/fields/0/column",
                   "2",
                   {"/fields/0/column: column 2 is a number, but the file has a header: give the "
                    "header name"}},
        BrokenCase{"/fields/3/value_table",
                   R"("kön")",
                   {"/fields/3/value_table: no table 'kön' in /value_tables"}},
        BrokenCase{"/value_tables/kon/Kvinna",
                   R"("kvinnor")",
                   {"/value_tables/kon/Kvinna: 'kvinnor' is not a code of list kon (needed by "
                    "deltagande.kon at /fields/3)"}},
        BrokenCase{"/fields/3/type",
                   R"("date")",
                   {"/fields/3/type: 'date' does not suit deltagande.kon; leave type out for its "
                    "default"}},
        BrokenCase{"/fields/3/list_separator",
                   R"(";")",
                   {"/fields/3/list_separator: deltagande.kon is not a list field"}},
        BrokenCase{"/fields/1/value_table",
                   R"({"x": "y"})",
                   {"/fields/1/value_table: an identity is passed as sent, never through a "
                    "table"}},
        BrokenCase{"/fields/1",
                   R"({"field": "personnummer", "constant": "19740504-9334"})",
                   {"/fields/1/constant: (value withheld) cannot be given for an identity field"}},
        BrokenCase{"/fields/3",
                   R"({"field": "kon", "constant": "kvinnor"})",
                   {"/fields/3/constant: 'kvinnor' is not a code of list kon"}},
        BrokenCase{"/fields/2",
                   R"({"field": "slutdatum", "column": "Slutdatum"})",
                   {"/fields: deltagande.startdatum is required by the canonical schema but not "
                    "mapped"}},
        BrokenCase{"/fields/2",
                   R"({"field": "kon", "column": "Kön2"})",
                   {"/fields/3/field: deltagande.kon is already mapped at /fields/2 and is not a "
                    "list",
                    "/fields: deltagande.startdatum is required by the canonical schema but not "
                    "mapped"}},
        BrokenCase{"/change/delete_when",
                   R"({"column": "Op", "values": ["D"]})",
                   {"/change/delete_when: only with mode append (a snapshot deletes by leaving "
                    "rows out)"}},
        BrokenCase{"/key/columns/0",
                   R"("Personnummer")",
                   {"/key/columns/0: 'Personnummer' holds the identity field personnummer; a key "
                    "is stored in clear, use the source's own id"}},
        BrokenCase{"/syntax",
                   R"({"date_format": "YYYY-DD"})",
                   {"/syntax/date_format: 'YYYY-DD' is not a layout of YYYY, MM and DD once "
                    "each, separated by nothing, '-', '/', '.' or ' ' (e.g. YYYY-MM-DD, YYYYMMDD, "
                    "DD/MM/YYYY)"}},
        BrokenCase{"/syntax",
                   R"({"separator": ";;"})",
                   {"/syntax/separator: must be exactly 1 character(s)"}},
        BrokenCase{"/syntax",
                   R"({"separator": "\n"})",
                   {"/syntax/separator: must be one ASCII character other than a line break"}},
        BrokenCase{"/syntax",
                   R"({"decimal_mark": ",", "thousands_separator": ","})",
                   {"/syntax/thousands_separator: must differ from /syntax/decimal_mark"}},
        BrokenCase{"/colour", R"("blue")", {"/colour: unknown property"}},
        BrokenCase{"/fields", nullptr, {"/: missing required property fields"}},
        BrokenCase{"/change/mode",
                   R"("delta")",
                   {"/change/mode: 'delta' is not valid; must be one of 'snapshot', 'append'"}},
        BrokenCase{"/fields/0/column", "0", {"/fields/0/column: must be at least 1"}},
        BrokenCase{"/syntax", R"({"header": false, "column_count": 123456})",
                   {"/syntax/column_count: must be at most 10000"}}),
    [](const auto& info) { return "case_" + std::to_string(info.index); });

TEST(Check, WithoutAHeaderColumnsAreNumbersWithinColumnCount) {
    TempDir dir;
    fs::create_directories(dir.path() / "drop");
    sdk::Context context{"i", "forbund-test", dir.path().string(), nullptr};
    auto document = parse(kBase);
    rapidjson::Pointer("/syntax/header").Set(document, false);
    auto problems = MappedCsvConnector().check(serialise(document), context);
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems[0],
              "/syntax/column_count: required when /syntax/header is false (the number of fields "
              "every row has)");
    EXPECT_EQ(problems[1],
              "/key/columns/0: 'Deltagande-ID' is a header name, but /syntax/header is false: give "
              "the column's 1-based number");
    rapidjson::Pointer("/syntax/column_count").Set(document, 3);
    rapidjson::Pointer("/key/columns/0").Set(document, 4);
    problems = MappedCsvConnector().check(serialise(document), context);
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems[0], "/key/columns/0: column 4 is beyond /syntax/column_count (3)");
}

TEST(Check, NamesADropFolderThatDoesNotExistAndRefusesText) {
    sdk::Context context{"i", "forbund-test", "/nonexistent-config-dir", nullptr};
    EXPECT_EQ(MappedCsvConnector().check(kBase, context),
              std::vector<std::string>{"/drop_dir: /nonexistent-config-dir/drop does not exist"});
    EXPECT_EQ(MappedCsvConnector().check("not json", context),
              std::vector<std::string>{"/: settings are not a JSON object"});
}

TEST(Open, RefusesInvalidSettingsWithTheFirstProblem) {
    sdk::Result error;
    EXPECT_EQ(MappedCsvConnector().open(R"({"drop_dir": "x"})", "", sdk::Context{}, error),
              nullptr);
    EXPECT_EQ(error.status, sdk::Status::kInvalidConfig);
    EXPECT_EQ(error.message, "/: missing required property entity, key, change, fields");
}

}  // namespace
}  // namespace finsam::connectors::mapped_csv::testing
