// tests/core/common/json_test.cpp — schema violations are all reported, each with a pointer and a reason.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "core/common/json.h"

namespace finsam::common {
namespace {

rapidjson::Document parse(const char* text) {
    rapidjson::Document document;
    document.Parse(text);
    return document;
}

TEST(JsonSchemaTest, ReportsEveryViolationWithPointerAndReason) {
    auto schema = parse(R"({"type":"object","additionalProperties":false,"required":["a","b"],
        "properties":{"a":{"type":"string"},"b":{"type":"object","properties":{"n":{"type":"integer",
        "minimum":1}}},"c":{"enum":["x","y"]}}})");
    auto instance = parse(R"({"a":5,"b":{"n":0},"c":"z","d":true})");
    auto violations = validateAgainstSchema(schema, instance);
    std::vector<std::string> lines;
    for (const auto& v : violations) {
        lines.push_back(v.pointer + ": " + v.reason);
    }
    EXPECT_EQ(lines, (std::vector<std::string>{"/a: expected \"string\", found integer", "/b/n: violates minimum 1",
                                               "/c: must be one of [\"x\",\"y\"]", "/d: unknown property d"}));
    EXPECT_TRUE(validateAgainstSchema(schema, parse(R"({"a":"s","b":{"n":2}})")).empty());
    auto missing = validateAgainstSchema(schema, parse(R"({"a":"s"})"));
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].reason, "missing required property b");
}

TEST(JsonParseTest, ReportsLineAndColumn) {
    rapidjson::Document document;
    JsonError error;
    EXPECT_FALSE(parseJson("{\n  \"a\": 1,\n  oops\n}", document, error));
    EXPECT_EQ(error.line, 3u);
    EXPECT_EQ(error.column, 3u);
}

// /dev/zero named as a mapping (the validate endpoint reads the path it is given) was read until memory ran out.
TEST(JsonParseTest, AFileThatIsNoRegularFileIsRefusedUnread) {
    for (const char* path : {"/dev/zero", "/proc/self", "/"}) {
        try {
            readJsonFile(path);
            ADD_FAILURE() << path;
        } catch (const std::runtime_error& e) {
            EXPECT_EQ(std::string(e.what()), std::string(path) + ": is not a regular file");
        }
    }
}

TEST(JsonParseTest, RefusesNestingDeeperThanAnyConfigAtTheLevelTooMany) {
    rapidjson::Document document;
    JsonError error;
    EXPECT_FALSE(parseJson("{\"a\":\n" + std::string(1 << 20, '['), document, error));
    EXPECT_EQ(error.line, 2u);
    EXPECT_EQ(error.column, 64u) << "the 65th level opens at column 64 of line 2";
    EXPECT_EQ(error.reason, "nested deeper than 64 levels");
    EXPECT_TRUE(parseJson(std::string(64, '[') + std::string(64, ']'), document, error)) << error.reason;
}

}  // namespace
}  // namespace finsam::common
