// tests/core/feed/feed_json_test.cpp — feed serialisers are pure: checked without a network.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "core/feed/feed_json.h"
#include "core/feed/feed_query.h"

namespace finsam::feed {
namespace {

std::vector<FeedEvent> twoEvents() {
    return {{7, "e7", "2026-01-01T00:00:00.000Z", "insats.upserted", "forbund-x/FB-1", 1, R"({"namn":"A \"q\""})"},
            {9, "e9", "2026-01-01T00:00:01.000Z", "deltagande.started", "forbund-x/D-1", 1, R"({"person_key":null})"}};
}

TEST(FeedJsonTest, PageEmbedsPayloadsAsObjectsAndPointsNextAfterAtLastSeq) {
    rapidjson::Document page;
    page.Parse(toJsonPage(twoEvents(), 5).c_str());
    ASSERT_FALSE(page.HasParseError());
    ASSERT_EQ(page["events"].Size(), 2u);
    EXPECT_EQ(page["next_after"].GetInt64(), 9);
    const auto& first = page["events"][0];
    EXPECT_EQ(first["seq"].GetInt64(), 7);
    EXPECT_STREQ(first["type"].GetString(), "insats.upserted");
    EXPECT_STREQ(first["key"].GetString(), "forbund-x/FB-1");
    EXPECT_STREQ(first["occurred_at"].GetString(), "2026-01-01T00:00:00.000Z");
    EXPECT_STREQ(first["payload"]["namn"].GetString(), "A \"q\"");
}

TEST(FeedJsonTest, EmptyPageKeepsTheCursor) {
    rapidjson::Document page;
    page.Parse(toJsonPage({}, 42).c_str());
    EXPECT_EQ(page["events"].Size(), 0u);
    EXPECT_EQ(page["next_after"].GetInt64(), 42);
}

TEST(FeedJsonTest, NdjsonHasOneParseableObjectPerLine) {
    std::string text = toNdjson(twoEvents());
    std::size_t start = 0;
    int lines = 0;
    for (auto end = text.find('\n'); end != std::string::npos; start = end + 1, end = text.find('\n', start)) {
        rapidjson::Document line;
        line.Parse(text.substr(start, end - start).c_str());
        ASSERT_FALSE(line.HasParseError());
        EXPECT_TRUE(line.HasMember("seq"));
        ++lines;
    }
    EXPECT_EQ(lines, 2);
    EXPECT_EQ(start, text.size());
}

TEST(FeedQueryTest, AcceptsValidParameters) {
    auto result = parseFeedQuery({{"after", "12"}, {"limit", "1000"}});
    ASSERT_TRUE(result.ok);
    EXPECT_EQ(result.query.after, 12);
    EXPECT_EQ(result.query.limit, 1000);
    EXPECT_EQ(parseFeedQuery({}).query.limit, kDefaultLimit);
}

TEST(FeedQueryTest, RejectsBadValuesNamingTheParameter) {
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"after", "-1"}, {"after", "1x"}, {"after", ""}, {"after", "99999999999999999999"},
             {"limit", "0"}, {"limit", "1001"}, {"limit", " 5"}, {"afterr", "1"}}) {
        auto result = parseFeedQuery({{name, value}});
        EXPECT_FALSE(result.ok) << name << "=" << value;
        EXPECT_EQ(result.parameter, name);
    }
}

}  // namespace
}  // namespace finsam::feed
