// tests/generator/kommun_writer_test.cpp — the kommun pages follow kommun-api.md, page by cursor,
// carry the world's people and participations, and add up to truth/kommun.json.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/personnummer.h"
#include "tests/generator/checks/forbund_sheet.h"
#include "tests/generator/checks/generated_drop.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

namespace finsam::generator {
namespace {

constexpr const char* kPayments = "api/v1/forsorjningsstod/utbetalningar";
constexpr const char* kParticipations = "api/v1/finsam/deltaganden";

rapidjson::Document parse(const std::string& text) {
    rapidjson::Document d;
    d.Parse(text.c_str(), text.size());
    EXPECT_FALSE(d.HasParseError());
    return d;
}

bool nullOrString(const rapidjson::Value& v) {
    return v.IsNull() || v.IsString();
}

// Follows the cursors as a connector would, from the first call to has_more:false; returns every
// item in order and checks the pages' shape on the way.
std::vector<rapidjson::Document> followCursors(const std::map<std::string, std::string>& tree,
                                               const std::string& endpoint, int limit) {
    const auto index = parse(tree.at(endpoint + "/index.json"));
    std::map<std::string, std::string> byCursor;  // "" = the first call
    for (const auto& page : index["pages"].GetArray()) {
        byCursor[page["cursor"].IsNull() ? "" : page["cursor"].GetString()] = page["file"].GetString();
    }
    std::vector<rapidjson::Document> items;
    std::string cursor;
    for (int guard = 0; guard < 100000; ++guard) {
        const auto answer = parse(tree.at(endpoint + "/" + byCursor.at(cursor)));
        EXPECT_TRUE(answer.IsObject() && answer.MemberCount() == 3 && answer["items"].IsArray() &&
                    answer["next_cursor"].IsString() && answer["has_more"].IsBool());
        EXPECT_LE(answer["items"].Size(), static_cast<rapidjson::SizeType>(limit));
        for (const auto& item : answer["items"].GetArray()) {
            rapidjson::Document copy;
            copy.CopyFrom(item, copy.GetAllocator());
            items.push_back(std::move(copy));
        }
        cursor = answer["next_cursor"].GetString();
        if (!answer["has_more"].GetBool()) {
            // A later run with the stored cursor gets nothing newer and keeps the cursor.
            const auto later = parse(tree.at(endpoint + "/" + byCursor.at(cursor)));
            EXPECT_EQ(later["items"].Size(), 0U);
            EXPECT_FALSE(later["has_more"].GetBool());
            EXPECT_EQ(cursor, later["next_cursor"].GetString());
            break;
        }
    }
    return items;
}

bool validNumber(const std::string& number) {
    return number.size() == 12 &&
           identity::parsePersonnummer(number, std::chrono::year_month_day{std::chrono::year{2100},
                                                                           std::chrono::month{1},
                                                                           std::chrono::day{1}})
               .ok;
}

class KommunDrop : public testing::Test {
protected:
    static void SetUpTestSuite() {
        GeneratorOptions options = checks::optionsFor(2026, 300);
        options.kommun.pageSize = 70;
        drop_ = checks::generate(options).release();
    }
    static void TearDownTestSuite() {
        delete drop_;
        drop_ = nullptr;
    }
    static checks::GeneratedDrop* drop_;
};

checks::GeneratedDrop* KommunDrop::drop_ = nullptr;

TEST_F(KommunDrop, SameSeedGivesIdenticalPages) {
    GeneratorOptions options = checks::optionsFor(2026, 300);
    options.kommun.pageSize = 70;
    EXPECT_EQ(checks::generate(options)->kommun, drop_->kommun);
}

TEST_F(KommunDrop, PaymentsFollowTheSpecAndAddUpToTheTruth) {
    const auto items = followCursors(drop_->kommun, kPayments, 70);
    ASSERT_GT(items.size(), 70U) << "more than one page";
    static const std::regex id(R"(EB-\d{4}-\d{6})");
    static const std::regex period(R"(\d{4}-(0[1-9]|1[0-2]))");
    static const std::regex time(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00)");
    std::map<std::string, const rapidjson::Document*> last;
    std::string previous;
    for (const auto& item : items) {
        ASSERT_EQ(item.MemberCount(), 10U);
        EXPECT_TRUE(std::regex_match(item["id"].GetString(), id));
        EXPECT_TRUE(validNumber(item["personnummer"].GetString()));
        EXPECT_TRUE(item["medsokande_personnummer"].IsNull() || validNumber(item["medsokande_personnummer"].GetString()));
        EXPECT_TRUE(std::regex_match(item["period"].GetString(), period));
        EXPECT_TRUE(item["belopp_kr"].IsNumber() && item["belopp_kr"].GetDouble() > 0);
        EXPECT_TRUE(nullOrString(item["stadsdel"]));
        const std::string status = item["status"].GetString();
        EXPECT_TRUE(status == "utbetald" || status == "aterkrav" || status == "makulerad");
        EXPECT_TRUE(item["skyddad"].IsBool());
        const std::string andrad = item["andrad"].GetString();
        EXPECT_TRUE(std::regex_match(andrad, time)) << andrad;
        // January is winter time, July summer time.
        if (andrad.substr(5, 2) == "01") {
            EXPECT_EQ(andrad.substr(19), "+01:00");
        }
        if (andrad.substr(5, 2) == "07") {
            EXPECT_EQ(andrad.substr(19), "+02:00");
        }
        EXPECT_GE(andrad.substr(0, 19), previous.substr(0, std::min<std::size_t>(19, previous.size()))) << "change order";
        previous = andrad;
        last[item["id"].GetString()] = &item;
    }
    std::int64_t inForce = 0;
    std::int64_t cancelled = 0;
    std::int64_t ore = 0;
    std::map<std::string, std::set<std::string>> months;
    for (const auto& [key, item] : last) {
        if (std::string((*item)["status"].GetString()) == "makulerad") {
            ++cancelled;
            continue;
        }
        ++inForce;
        ore += static_cast<std::int64_t>((*item)["belopp_kr"].GetDouble() * 100 + 0.5);
        months[(*item)["personnummer"].GetString()].insert((*item)["period"].GetString());
        if (!(*item)["medsokande_personnummer"].IsNull()) {
            months[(*item)["medsokande_personnummer"].GetString()].insert((*item)["period"].GetString());
        }
    }
    const auto& truth = drop_->kommunTruth["final"];
    EXPECT_EQ(truth["payments"]["distinct_ids"].GetUint64(), last.size());
    EXPECT_EQ(truth["payments"]["in_force"].GetInt64(), inForce);
    EXPECT_EQ(truth["payments"]["makulerade"].GetInt64(), cancelled);
    EXPECT_GT(cancelled, 0);
    EXPECT_EQ(truth["payments"]["belopp_ore_in_force"].GetInt64(), ore);
    EXPECT_EQ(truth["forsorjningsstod_periods"]["persons"].GetUint64(), months.size());
    std::int64_t periods = 0;
    for (const auto& [person, set] : months) {
        int prev = -2;
        for (const std::string& m : set) {
            const int index = std::stoi(m.substr(0, 4)) * 12 + std::stoi(m.substr(5, 2)) - 1;
            periods += index == prev + 1 ? 0 : 1;
            prev = index;
        }
    }
    EXPECT_EQ(truth["forsorjningsstod_periods"]["periods"].GetInt64(), periods);
}

// The kommun's participations are the förbund's for kommun-run insatser: same insats, dates and
// consent form; anonymous ones without a number unless protected.
TEST_F(KommunDrop, ParticipationsAreTheForbundsAndAreCountedOnceInTheWorldTruth) {
    const auto items = followCursors(drop_->kommun, kParticipations, 70);
    const auto deltaganden = checks::readForbundSheet(drop_->forbund.at("deltaganden.csv"));
    const auto samtycken = checks::readForbundSheet(drop_->forbund.at("samtycken.csv"));
    std::map<std::string, std::string> blankett;
    for (const auto& row : samtycken.rows) {
        blankett[samtycken.at(row, "Samtycke-ID")] = samtycken.at(row, "Blankett");
    }
    std::map<std::string, std::string> viaWorld;  // KD id -> Deltagande-ID
    for (const auto& item : drop_->world["deltaganden"]["items"].GetArray()) {
        if (item["sources"].HasMember("kommun")) {
            viaWorld[item["sources"]["kommun"].GetString()] = item["deltagande_id"].GetString();
        }
    }
    std::map<std::string, const rapidjson::Document*> last;
    static const std::set<std::string> reasons = {"arbete", "studier", "arbetssokande", "annan_insats", "sjukdom",
                                                  "flyttat", "avbrott", "samtycke_aterkallat", "ovrigt", "felregistrerad"};
    for (const auto& item : items) {
        ASSERT_EQ(item.MemberCount(), 12U);
        EXPECT_EQ(item["personnummer"].IsNull(), item["anonym"].GetBool() && !item["skyddad"].GetBool());
        EXPECT_TRUE(item["avslutsanledning"].IsNull() || reasons.count(item["avslutsanledning"].GetString()) == 1);
        EXPECT_EQ(item["slut"].IsNull(), item["avslutsanledning"].IsNull());
        last[item["id"].GetString()] = &item;
    }
    ASSERT_GT(last.size(), 0U);
    EXPECT_EQ(drop_->kommunTruth["final"]["deltaganden"]["participations"].GetUint64(), last.size());
    EXPECT_EQ(drop_->world["deltaganden"]["reported_by_kommun"].GetUint64(), last.size());
    for (const auto& [id, item] : last) {
        ASSERT_EQ(viaWorld.count(id), 1U) << id;
        bool found = false;
        for (const auto& row : deltaganden.rows) {
            if (deltaganden.at(row, "Deltagande-ID") != viaWorld[id]) {
                continue;
            }
            found = true;
            EXPECT_EQ(deltaganden.at(row, "Insats-ID"), (*item)["insats_id"].GetString());
            EXPECT_EQ(deltaganden.at(row, "Startdatum"), (*item)["start"].GetString());
            EXPECT_EQ(deltaganden.at(row, "Slutdatum"), (*item)["slut"].IsNull() ? "" : (*item)["slut"].GetString());
            EXPECT_EQ(deltaganden.at(row, "Födelseår"), std::to_string((*item)["fodelsear"].GetInt()));
            const std::string consent = deltaganden.at(row, "Samtycke-ID");
            EXPECT_EQ(consent.empty() ? "" : blankett.at(consent),
                      (*item)["samtycke_ref"].IsNull() ? "" : (*item)["samtycke_ref"].GetString());
        }
        EXPECT_TRUE(found) << id;
    }
}

}  // namespace
}  // namespace finsam::generator
