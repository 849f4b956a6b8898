// tests/plugins/json_depth_test.cpp — the nesting guard every parser of partner and API JSON runs first.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <string>

#include "json_depth.h"

namespace finsam::sdk::toolkit {
namespace {

TEST(JsonDepthTest, NestingUpToTheLimitPassesAndOneLevelMoreIsFoundWhereItOpens) {
    EXPECT_EQ(jsonTooDeepAt("{\"a\":[{\"b\":[]}]}", 4), std::nullopt);
    EXPECT_EQ(jsonTooDeepAt("{\"a\":[{\"b\":[[]]}]}", 4), std::optional<std::size_t>(12));
    EXPECT_EQ(jsonTooDeepAt("[][][][]", 1), std::nullopt) << "siblings do not add up";
}

TEST(JsonDepthTest, BracketsInsideStringsAndEscapedQuotesDoNotCount) {
    EXPECT_EQ(jsonTooDeepAt("[\"[[[[{{{{\"]", 1), std::nullopt);
    EXPECT_EQ(jsonTooDeepAt("[\"a\\\"[[[[\"]", 1), std::nullopt) << "an escaped quote does not end the string";
    EXPECT_EQ(jsonTooDeepAt("[\"a\\\\\",[]]", 1), std::optional<std::size_t>(7)) << "an escaped backslash does";
}

TEST(JsonDepthTest, AMegabyteOfOpeningBracketsIsRefusedAtTheFirstLevelTooMany) {
    const std::string hostile(1 << 20, '[');
    EXPECT_EQ(jsonTooDeepAt(hostile), std::optional<std::size_t>(kMaxJsonDepth));
}

}  // namespace
}  // namespace finsam::sdk::toolkit
