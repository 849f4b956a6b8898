// tests/plugins/testkit_test.cpp — plugins/sdk/testkit: the drain loop, golden JSON, schema checks,
// identity scan.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "collecting_sink.h"
#include "golden_file.h"
#include "identity_scan.h"
#include "run_to_drain.h"
#include "settings_schema.h"
#include "temp_dir.h"

namespace finsam::sdk::testkit {
namespace {

// Emits `batches` batches of one record each, then drains; the checkpoint counts batches.
class CountingRun : public ConnectorRun {
public:
    CountingRun(int start, int batches) : next_(start), batches_(batches) {}
    BatchOutcome readBatch(std::size_t, RecordSink& sink) override {
        BatchOutcome outcome;
        if (next_ < batches_) {
            sink.accept(Record{"insats",
                               "I-" + std::to_string(next_),
                               Operation::kUpsert,
                               {{"namn", "n", 2}},
                               {"/drop/in.csv", next_ + 1},
                               "raw"});
            ++next_;
        }
        outcome.checkpoint = std::to_string(next_);
        outcome.drained = next_ >= batches_;
        return outcome;
    }

private:
    int next_;
    int batches_;
};

class CountingConnector : public Connector {
public:
    std::string id() const override { return "counting"; }
    std::string version() const override { return "1"; }
    std::string configSchema() const override { return "{}"; }
    std::vector<std::string> check(const std::string&, const Context&) const override { return {}; }
    std::unique_ptr<ConnectorRun> open(const std::string& settings, const std::string& checkpoint,
                                       const Context&, Result& error) override {
        if (settings == "bad") {
            error = {Status::kInvalidConfig, "/: bad"};
            return nullptr;
        }
        return std::make_unique<CountingRun>(checkpoint.empty() ? 0 : std::stoi(checkpoint), 3);
    }
};

TEST(RunToDrain, ReadsUntilDrainedAndKeepsTheLastCheckpoint) {
    CountingConnector connector;
    auto outcome = runToDrain(connector, "{}", "", Context{});
    EXPECT_EQ(outcome.result.status, Status::kOk);
    EXPECT_EQ(outcome.batches, 3u);
    EXPECT_EQ(outcome.collected.records.size(), 3u);
    EXPECT_EQ(outcome.checkpoint, "3");
    auto again = runToDrain(connector, "{}", outcome.checkpoint, Context{});
    EXPECT_TRUE(again.collected.records.empty());
}

TEST(RunToDrain, ReportsOpenFailures) {
    CountingConnector connector;
    auto outcome = runToDrain(connector, "bad", "", Context{});
    EXPECT_EQ(outcome.result.status, Status::kInvalidConfig);
    EXPECT_EQ(outcome.batches, 0u);
}

TEST(RunToDrain, StopsAConnectorThatNeverDrains) {
    CountingConnector connector;
    auto outcome = runToDrain(connector, "{}", "", Context{}, DrainOptions{10, 2});
    EXPECT_EQ(outcome.result.status, Status::kInternalError);
}

TEST(GoldenFile, WritesOneLinePerFieldAndRelocatesSources) {
    Collected collected;
    collected.records.push_back(Record{"insats",
                                       "I-1",
                                       Operation::kUpsert,
                                       {{"namn", "Rå \"x\"", 2}},
                                       {"/some/where/insatser.csv", 7},
                                       "a,b\r\nc"});
    collected.snapshots.push_back("insats");
    const std::string expected = R"({
  "records": [
    {
      "entity": "insats",
      "key": "I-1",
      "operation": "upsert",
      "position": {"source": "insatser.csv", "line": 7},
      "fields": [
        {"name": "namn", "value": "Rå \"x\"", "column": 2}
      ],
      "raw": "a,b\r\nc"
    }
  ],
  "problems": [],
  "rejections": [],
  "snapshots": ["insats"],
  "warnings": []
}
)";
    EXPECT_EQ(toGoldenJson(collected), expected);
}

TEST(GoldenFile, ComparesAndNamesTheFirstDifferingLine) {
    TempDir dir;
    const auto path = (dir.path() / "expected.json").string();
    Collected collected;
    collected.warnings.push_back("w");
    std::ofstream(path) << toGoldenJson(collected);
    EXPECT_TRUE(matchesGolden(collected, path));
    collected.warnings.push_back("x");
    if (std::getenv(kUpdateGoldenVariable) == nullptr) {
        auto result = matchesGolden(collected, path);
        EXPECT_FALSE(result);
        EXPECT_NE(std::string(result.message()).find("expected.json:6"), std::string::npos)
            << result.message();
    }
}

TEST(SettingsSchema, ValidatesAndNamesTheProperty) {
    const std::string schema =
        R"({"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
        "additionalProperties": false, "required": ["dir"],
        "properties": {"dir": {"type": "string", "description": "d"},
                       "n": {"type": "integer", "description": "n"}}})";
    EXPECT_TRUE(validateSettings(schema, R"({"dir": "x"})").empty());
    EXPECT_EQ(validateSettings(schema, R"({})"),
              (std::vector<std::string>{"/: missing required property dir"}));
    EXPECT_EQ(validateSettings(schema, R"({"dir": "x", "extra": 1})"),
              (std::vector<std::string>{"/extra: unknown property"}));
    EXPECT_EQ(validateSettings(schema, R"({"dir": 5})"),
              (std::vector<std::string>{"/dir: violates 'type'"}));
    EXPECT_EQ(validateSettings(schema, "{").size(), 1u);
    EXPECT_TRUE(lintSettingsSchema(schema).empty());
    EXPECT_EQ(
        lintSettingsSchema(R"({"type": "object", "properties": {"a": {"type": "string"}}})").size(),
        3u);
}

TEST(IdentityScan, FindsPersonnummerShapesOnly) {
    EXPECT_EQ(findIdentityLike("x 19740504-9334, 740504+9334 and 7405049334."),
              (std::vector<std::string>{"19740504-9334", "740504+9334", "7405049334"}));
    EXPECT_TRUE(findIdentityLike("2018-01-01 FK9443-2018-000001 1250000 FB-STHLM-2018-01").empty());
    EXPECT_TRUE(findIdentityLike("12345678901234").empty());
    EXPECT_EQ(maskIdentityLike("a 19740504-9334 b"), "a [pnr] b");
}

TEST(IdentityScan, ChecksEveryKindOfMessage) {
    Collected collected;
    Problem problem;
    problem.code = "bad_date";
    problem.message = "'19740504-9334' bad";
    collected.problems.push_back(problem);
    EXPECT_FALSE(messagesFreeOfIdentities(collected));
    collected.problems.clear();
    collected.warnings.push_back("fine");
    EXPECT_TRUE(messagesFreeOfIdentities(collected));
}

}  // namespace
}  // namespace finsam::sdk::testkit
