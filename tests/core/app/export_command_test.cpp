// tests/core/app/export_command_test.cpp — `finsam-hub export`: the current-state items in CSV, NDJSON and JSON,
// filters, errors that name the argument, and the audit of the read; on both backends.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <sstream>

#include "core/feed/current_state.h"
#include "core/store/access_audit.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/leak_scan.h"
#include "tests/support/state_csv.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

using feed::StateCollection;

struct Collection {
    const char* name;  ///< --entity
    StateCollection collection;
};

const std::vector<Collection> kCollections = {{"deltaganden", StateCollection::kDeltagande},
                                              {"insatser", StateCollection::kInsats},
                                              {"persons", StateCollection::kPerson}};

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
        out.push_back(line);
    }
    return out;
}

std::string compact(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return buffer.GetString();
}

class ExportCommandTest : public ::testing::TestWithParam<TestBackend> {
protected:
    // One generated register, ingested once per backend.
    ExportCommandTest() : store_(GetParam()) {
        files_ = writeHubConfig(dir_, store_);
        generated_ = generateForbund(dir_.file("generated"), 5, 80);
        copyDropSet(generated_, files_.dropDir);
        auto ingest = runHub({"ingest", "--config", files_.configFile, "--all"});
        EXPECT_EQ(ingest.exitCode, 0) << ingest.err;
    }

    std::vector<std::string> stateItems(StateCollection collection, feed::StateQuery query = {}) {
        auto database = store_.open();
        std::vector<std::string> items;
        for (;;) {
            auto page = feed::CurrentState(*database).read(collection, query);
            items.insert(items.end(), page.items.begin(), page.items.end());
            if (!page.nextAfterKey) {
                return items;
            }
            query.afterKey = *page.nextAfterKey;
        }
    }

    CommandResult exportTo(const std::vector<std::string>& options) {
        std::vector<std::string> args = {"export", "--config", files_.configFile};
        args.insert(args.end(), options.begin(), options.end());
        return runHub(args);
    }

    TempDir dir_;
    TestStore store_;
    HubFiles files_;
    std::string generated_;
};

TEST_P(ExportCommandTest, EveryFormatWritesExactlyTheItemsOfTheApi) {
    const auto numbers = numbersInFolder(generated_);
    ASSERT_GT(numbers.size(), 20u);
    for (const auto& [name, collection] : kCollections) {
        SCOPED_TRACE(name);
        const auto items = stateItems(collection);
        ASSERT_FALSE(items.empty());
        auto ndjson = exportTo({"--entity", name, "--format", "ndjson"});  // standard output by default
        ASSERT_EQ(ndjson.exitCode, 0) << ndjson.err;
        EXPECT_EQ(lines(ndjson.out), items);

        const std::string jsonFile = dir_.file(std::string(name) + ".json");
        auto json = exportTo({"--entity", name, "--format", "json", "--out", jsonFile});
        ASSERT_EQ(json.exitCode, 0) << json.err;
        EXPECT_EQ(json.out, "");
        rapidjson::Document array;
        array.Parse(fileBytes(jsonFile).c_str());
        ASSERT_TRUE(array.IsArray());
        std::vector<std::string> fromJson;
        for (const auto& item : array.GetArray()) {
            fromJson.push_back(compact(item));
        }
        EXPECT_EQ(fromJson, items);

        const std::string csvFile = dir_.file(std::string(name) + ".csv");
        auto csv = exportTo({"--entity", name, "--format", "csv", "--out", csvFile});
        ASSERT_EQ(csv.exitCode, 0) << csv.err;
        const std::string csvText = fileBytes(csvFile);
        const auto rows = csvCells(csvText);
        const auto columns = feed::stateColumns(collection);
        ASSERT_EQ(rows.size(), items.size() + 1);
        EXPECT_EQ(rows[0], columns);
        for (std::size_t i = 0; i < items.size(); ++i) {
            EXPECT_EQ(rows[i + 1], expectedCsvCells(columns, items[i])) << items[i];
        }
        EXPECT_EQ(csvText.substr(csvText.size() - 2), "\r\n") << "RFC 4180 records end in CRLF";
        if (collection == StateCollection::kInsats) {
            // The register's insats names hold commas, quotes and line breaks: quoted, quotes doubled.
            EXPECT_NE(csvText.find("\"\""), std::string::npos);
        }
        for (const auto& text : {ndjson.out, fileBytes(jsonFile), csvText}) {
            EXPECT_EQ(leakedNumbers(numbers, text), std::vector<std::string>{});
        }
    }
    // Each export is a person-level read: audited, with no token to name.
    auto database = store_.open();
    auto audit = store::AccessAudit(*database).recent(20);
    ASSERT_EQ(audit.size(), 9u);
    EXPECT_EQ(audit.front().token, "cli");
    EXPECT_EQ(audit.front().endpoint, "export persons");
    EXPECT_EQ(audit.front().rows, static_cast<std::int64_t>(stateItems(StateCollection::kPerson).size()));
}

TEST_P(ExportCommandTest, FiltersAreTheApisFilters) {
    feed::StateQuery query;
    query.forbund = "forbund-sthlm";
    query.from = "2019-01-01";
    query.to = "2019-06-30";
    for (const auto& [name, collection] : kCollections) {
        auto result = exportTo({"--entity", name, "--format", "ndjson", "--forbund", "forbund-sthlm", "--from",
                                "2019-01-01", "--to", "2019-06-30"});
        ASSERT_EQ(result.exitCode, 0) << result.err;
        const auto items = stateItems(collection, query);
        EXPECT_EQ(lines(result.out), items) << name;
        if (collection == StateCollection::kDeltagande) {
            EXPECT_GT(items.size(), 0u);
            EXPECT_LT(items.size(), stateItems(collection).size()) << "the period leaves some out";
        }
    }
    auto none = exportTo({"--entity", "insatser", "--format", "json", "--insats", "NO-SUCH-INSATS"});
    EXPECT_EQ(none.exitCode, 0) << none.err;
    EXPECT_EQ(none.out, "[]\n");
}

TEST_P(ExportCommandTest, ErrorsNameTheArgument) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--format", "csv"}, "--entity"},
        {{"--entity", "people", "--format", "csv"}, "--entity"},
        {{"--entity", "persons"}, "--format"},
        {{"--entity", "persons", "--format", "xml"}, "--format"},
        {{"--entity", "persons", "--format", "csv", "--from", "2019-13-01"}, "--from"},
        {{"--entity", "persons", "--format", "csv", "--from", "2019-02-01", "--to", "2019-01-01"}, "--to"},
        {{"--entity", "persons", "--format", "csv", "--forbund", ""}, "--forbund"},
        {{"--entity", "persons", "--format", "csv", "--limit", "5"}, "--limit"},
        {{"--entity", "persons", "--format", "csv", "--out", dir_.file("no/such/dir/x.csv")}, "--out"},
    };
    for (const auto& [options, argument] : cases) {
        auto result = exportTo(options);
        EXPECT_NE(result.exitCode, 0) << argument;
        EXPECT_NE(result.err.find(argument), std::string::npos) << result.err;
        EXPECT_EQ(result.out, "") << argument;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, ExportCommandTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
