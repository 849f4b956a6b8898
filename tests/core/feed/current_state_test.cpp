// tests/core/feed/current_state_test.cpp — current-state pages: items equal the feed's payloads, keyset paging,
// filters, duplicates and person links, strict parameters; on both backends.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "core/feed/current_state.h"
#include "core/store/entity_writer.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

using feed::StateCollection;
using feed::StateQuery;
using Values = std::map<std::string, std::vector<std::string>>;

class CurrentStateTest : public ::testing::TestWithParam<TestBackend> {
protected:
    CurrentStateTest() : store_(GetParam()), database_(store_.open()) {}

    // Writes an entity as ingest does; returns the feed payload its event carries.
    std::string write(const std::string& entity, const std::string& organisation, const std::string& sourceKey,
                      Values values, const std::string& personKey = "") {
        model::WorkRecord record;
        record.connector = organisation;
        record.organisation = organisation;
        record.entity = entity;
        record.sourceKey = sourceKey;
        record.values = std::move(values);
        record.anonymous = entity == "deltagande" && personKey.empty();
        record.sourceRecordId = ++sourceRecordId_;
        return store::EntityWriter(*database_).upsert(record, personKey).payload;
    }

    void person(const std::string& key, const std::string& kon, const std::string& year, bool isProtected = false) {
        database_->execute("INSERT INTO person (person_key, kon, fodelsear, protected, content_hash, created_at, "
                           "updated_at) VALUES (:p0, :p1, :p2, :p3, 'h', 't', 't')",
                           {key, orNull(kon), orNull(year), std::string(isProtected ? "1" : "0")});
    }

    void link(const std::string& a, const std::string& b, const std::string& state, const std::string& validTo) {
        database_->execute("INSERT INTO person_link (person_a, person_b, purpose, consent_key, valid_from, valid_to, "
                           "state, created_at) VALUES (:p0, :p1, 'uppfoljning', 'forbund-a/SAM-1', '2020-01-01', "
                           ":p2, :p3, 't')",
                           {a, b, orNull(validTo), state});
    }

    static std::optional<std::string> orNull(const std::string& value) {
        return value.empty() ? std::nullopt : std::optional<std::string>(value);
    }

    // Two förbund, one insats each; five deltaganden; persons with links.
    void seed() {
        insatsA_ = write("insats", "forbund-a", "INS-A",
                         {{"insats_id", {"INS-A"}}, {"namn", {"Steget, \"vidare\""}}, {"startdatum", {"2019-01-01"}},
                          {"slutdatum", {"2020-12-31"}}, {"malgrupp", {"unga_16_29", "forsorjningsstod"}}});
        insatsB_ = write("insats", "forbund-b", "INS-B", {{"insats_id", {"INS-B"}}, {"startdatum", {"2021-01-01"}}});
        person("pa", "kvinna", "1991");
        person("pb", "man", "1980");
        person("pc", "", "");
        person("pz", "", "", true);
        d1_ = write("deltagande", "forbund-a", "D1",
                    {{"insats_id", {"INS-A"}}, {"kon", {"kvinna"}}, {"fodelsear", {"1991"}},
                     {"startdatum", {"2019-02-01"}}, {"slutdatum", {"2019-06-30"}},
                     {"forsorjning_fore", {"forsorjningsstod", "sjukpenning"}}},
                    "pa");
        d2_ = write("deltagande", "af", "D2",
                    {{"insats_id", {"INS-A"}}, {"startdatum", {"2019-02-01"}}, {"slutdatum", {"2019-06-30"}}}, "pb");
        d3_ = write("deltagande", "forbund-a", "D3", {{"insats_id", {"INS-A"}}, {"startdatum", {"2020-03-01"}}});
        d4_ = write("deltagande", "forbund-b", "D4", {{"insats_id", {"INS-B"}}, {"startdatum", {"2021-05-01"}}}, "pc");
        write("deltagande", "forbund-b", "D5", {{"insats_id", {"INS-B"}}, {"startdatum", {"2021-06-01"}}});
        store::EntityWriter(*database_).retract("deltagande", "forbund-b/D5", ++sourceRecordId_);
        database_->execute("UPDATE deltagande SET duplicate_of = :p0 WHERE entity_key = :p1",
                           {std::string("forbund-a/D1"), std::string("af/D2")});
        link("pa", "pb", "active", "");
        link("pa", "pc", "active", "2021-12-31");
        link("pb", "pc", "dissolved", "2020-06-01");
    }

    // Every page, following the cursor.
    std::vector<std::string> readAll(StateCollection collection, StateQuery query) {
        std::vector<std::string> items;
        feed::CurrentState state(*database_);
        for (int pages = 0; pages < 100; ++pages) {
            auto page = state.read(collection, query);
            items.insert(items.end(), page.items.begin(), page.items.end());
            if (!page.nextAfterKey) {
                return items;
            }
            EXPECT_EQ(static_cast<int>(page.items.size()), query.limit);
            query.afterKey = *page.nextAfterKey;
        }
        ADD_FAILURE() << "the cursor never ended";
        return items;
    }

    std::vector<std::string> keysOf(StateCollection collection, const StateQuery& query) {
        std::vector<std::string> keys;
        for (const auto& item : readAll(collection, query)) {
            rapidjson::Document document;
            document.Parse(item.c_str());
            keys.emplace_back(document[collection == StateCollection::kPerson ? "person_key" : "entity_key"]
                                  .GetString());
        }
        return keys;
    }

    TestStore store_;
    std::unique_ptr<store::Database> database_;
    std::int64_t sourceRecordId_ = 0;
    std::string insatsA_, insatsB_, d1_, d2_, d3_, d4_;
};

TEST_P(CurrentStateTest, ItemsAreTheFeedPayloadsAndPagesFollowTheCursor) {
    seed();
    StateQuery query;
    query.limit = 1;
    // D5 is retracted: absent. D2 is a merged report: its payload plus duplicate_of.
    std::string d2Merged = d2_.substr(0, d2_.size() - 1) + ",\"duplicate_of\":\"forbund-a/D1\"}";
    EXPECT_EQ(readAll(StateCollection::kDeltagande, query),
              (std::vector<std::string>{d2Merged, d1_, d3_, d4_}));
    EXPECT_EQ(readAll(StateCollection::kInsats, query), (std::vector<std::string>{insatsA_, insatsB_}));
    query.limit = 1000;
    auto whole = feed::CurrentState(*database_).read(StateCollection::kDeltagande, query);
    EXPECT_EQ(whole.items.size(), 4u);
    EXPECT_FALSE(whole.nextAfterKey) << "a page that holds the rest has no cursor";
    query.limit = 4;
    EXPECT_FALSE(feed::CurrentState(*database_).read(StateCollection::kDeltagande, query).nextAfterKey)
        << "exactly full, nothing after it";
}

TEST_P(CurrentStateTest, PersonsCarryTheirActiveLinksAndProtectedOnesAreAbsent) {
    seed();
    StateQuery query;
    query.limit = 2;
    EXPECT_EQ(readAll(StateCollection::kPerson, query),
              (std::vector<std::string>{
                  R"({"person_key":"pa","kon":"kvinna","fodelsear":1991,"protected":false,"links":[)"
                  R"({"person_key":"pb","purpose":"uppfoljning","consent":"forbund-a/SAM-1","valid_from":"2020-01-01","valid_to":null},)"
                  R"({"person_key":"pc","purpose":"uppfoljning","consent":"forbund-a/SAM-1","valid_from":"2020-01-01","valid_to":"2021-12-31"}]})",
                  R"({"person_key":"pb","kon":"man","fodelsear":1980,"protected":false,"links":[)"
                  R"({"person_key":"pa","purpose":"uppfoljning","consent":"forbund-a/SAM-1","valid_from":"2020-01-01","valid_to":null}]})",
                  R"({"person_key":"pc","kon":null,"fodelsear":null,"protected":false,"links":[)"
                  R"({"person_key":"pa","purpose":"uppfoljning","consent":"forbund-a/SAM-1","valid_from":"2020-01-01","valid_to":"2021-12-31"}]})",
              }));
}

TEST_P(CurrentStateTest, FiltersByForbundInsatsAndPeriod) {
    seed();
    using Keys = std::vector<std::string>;
    StateQuery query;
    query.forbund = "forbund-a";  // AF's report D2 belongs to the förbund of its insats
    EXPECT_EQ(keysOf(StateCollection::kDeltagande, query), (Keys{"af/D2", "forbund-a/D1", "forbund-a/D3"}));
    EXPECT_EQ(keysOf(StateCollection::kInsats, query), (Keys{"forbund-a/INS-A"}));
    EXPECT_EQ(keysOf(StateCollection::kPerson, query), (Keys{"pa", "pb"}));
    query = {};
    query.insats = "INS-B";
    EXPECT_EQ(keysOf(StateCollection::kDeltagande, query), (Keys{"forbund-b/D4"}));
    EXPECT_EQ(keysOf(StateCollection::kInsats, query), (Keys{"forbund-b/INS-B"}));
    EXPECT_EQ(keysOf(StateCollection::kPerson, query), (Keys{"pc"}));
    query = {};
    query.from = "2019-07-01";  // D1 and D2 ended the day before; D3 and D4 never ended
    query.to = "2021-05-01";    // D4 starts that very day
    EXPECT_EQ(keysOf(StateCollection::kDeltagande, query), (Keys{"forbund-a/D3", "forbund-b/D4"}));
    EXPECT_EQ(keysOf(StateCollection::kInsats, query), (Keys{"forbund-a/INS-A", "forbund-b/INS-B"}));
    EXPECT_EQ(keysOf(StateCollection::kPerson, query), (Keys{"pc"}));
    query.to = "2019-12-31";
    EXPECT_EQ(keysOf(StateCollection::kInsats, query), (Keys{"forbund-a/INS-A"}));
    query = {};
    query.forbund = "forbund-a";
    query.afterKey = "pa";
    query.limit = 1;
    auto page = feed::CurrentState(*database_).read(StateCollection::kPerson, query);
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].rfind(R"({"person_key":"pb")", 0), 0u) << "cursor and filter together";
    EXPECT_FALSE(page.nextAfterKey);
}

TEST_P(CurrentStateTest, EveryItemKeyHasAColumn) {
    seed();
    for (auto collection : {StateCollection::kDeltagande, StateCollection::kInsats, StateCollection::kPerson}) {
        const auto columns = feed::stateColumns(collection);
        for (const auto& item : readAll(collection, {})) {
            rapidjson::Document document;
            document.Parse(item.c_str());
            for (const auto& member : document.GetObject()) {
                std::string name = member.name.GetString();
                bool found = std::any_of(columns.begin(), columns.end(), [&](const std::string& column) {
                    return column == name || column.rfind(name + ".", 0) == 0;
                });
                EXPECT_TRUE(found) << name;
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, CurrentStateTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

TEST(StateQueryTest, ParsesStrictlyAndNamesTheParameter) {
    auto query = feed::parseStateQuery({{"after_key", "forbund-a/D1"}, {"limit", "1000"}, {"forbund", "forbund-a"},
                                        {"insats", "INS-A"}, {"from", "2019-01-01"}, {"to", "2019-01-01"},
                                        {"format", "ndjson"}});
    EXPECT_EQ(query.afterKey, "forbund-a/D1");
    EXPECT_EQ(query.limit, 1000);
    EXPECT_EQ(query.forbund, "forbund-a");
    EXPECT_EQ(query.insats, "INS-A");
    EXPECT_TRUE(query.ndjson);
    EXPECT_EQ(feed::parseStateQuery({}).limit, feed::kDefaultLimit);
    const std::vector<std::pair<std::vector<std::pair<std::string, std::string>>, std::string>> bad = {
        {{{"after", "1"}}, "after"},
        {{{"limit", "0"}}, "limit"},
        {{{"limit", "1001"}}, "limit"},
        {{{"limit", "x"}}, "limit"},
        {{{"from", "2019-02-30"}}, "from"},
        {{{"to", "20190101"}}, "to"},
        {{{"from", "2019-02-01"}, {"to", "2019-01-31"}}, "to"},
        {{{"forbund", ""}}, "forbund"},
        {{{"insats", "A"}, {"insats", "B"}}, "insats"},
        {{{"format", "csv"}}, "format"},
    };
    for (const auto& [parameters, name] : bad) {
        try {
            feed::parseStateQuery(parameters);
            ADD_FAILURE() << "accepted a bad " << name;
        } catch (const feed::StateQueryError& e) {
            EXPECT_EQ(e.parameter(), name) << e.what();
        }
    }
}

TEST(StateJsonTest, PagesAndLines) {
    feed::StatePage page{{R"({"a":1})", R"({"b":"x"})"}, std::string("k/2")};
    EXPECT_EQ(feed::toJsonPage(page), R"({"items":[{"a":1},{"b":"x"}],"next_after_key":"k/2"})");
    EXPECT_EQ(feed::toNdjson(page), "{\"a\":1}\n{\"b\":\"x\"}\n");
    EXPECT_EQ(feed::toJsonPage({}), R"({"items":[],"next_after_key":null})");
    EXPECT_EQ(feed::toNdjson({}), "");
}

}  // namespace
}  // namespace finsam::testing
