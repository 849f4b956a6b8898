// tests/generator/world_truth_test.cpp — truth/world.json agrees with what the partners' files say:
// who consents, who is anonymous, protected or withdrawing, and how many distinct deltaganden
// there are when the förbund and AF report the same one.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/checks/af_spec_check.h"
#include "tests/generator/checks/fk_spec_check.h"
#include "tests/generator/checks/forbund_sheet.h"
#include "tests/generator/checks/generated_drop.h"

#include <gtest/gtest.h>

#include <set>

namespace finsam::generator {
namespace {

std::set<std::string> numbers(const rapidjson::Document& world, const char* kind) {
    std::set<std::string> out;
    for (const auto& n : world["persons"]["numbers"][kind].GetArray()) {
        out.insert(n.GetString());
    }
    return out;
}

std::string twelve(const std::string& number) {
    return number.substr(0, 8) + number.substr(9);
}

class WorldTruth : public testing::Test {
protected:
    static void SetUpTestSuite() { drop_ = checks::generate(checks::optionsFor(2026, 400)).release(); }
    static void TearDownTestSuite() {
        delete drop_;
        drop_ = nullptr;
    }
    static checks::GeneratedDrop* drop_;
};

checks::GeneratedDrop* WorldTruth::drop_ = nullptr;

TEST_F(WorldTruth, PersonsByKindPartitionEveryoneAndMatchTheConsentRegister) {
    const auto& world = drop_->world;
    const auto consenting = numbers(world, "consenting");
    const auto withdrawing = numbers(world, "withdrawing");
    const auto protectedPeople = numbers(world, "protected");
    const auto anonymous = numbers(world, "anonymous");
    const auto& persons = world["persons"];
    EXPECT_EQ(persons["consenting"].GetUint64(), consenting.size());
    EXPECT_EQ(persons["consenting"].GetInt64() + persons["anonymous"].GetInt64() +
                  persons["protected"].GetInt64() + persons["withdrawing"].GetInt64(),
              persons["total"].GetInt64());
    EXPECT_GT(consenting.size(), 0U);
    EXPECT_GT(withdrawing.size(), 0U);
    EXPECT_GT(protectedPeople.size(), 0U);
    EXPECT_GT(anonymous.size(), 0U);

    const auto samtycken = checks::readForbundSheet(drop_->forbund.at("samtycken.csv"));
    std::set<std::string> signed_;
    std::set<std::string> withdrawn;
    for (const auto& row : samtycken.rows) {
        signed_.insert(samtycken.at(row, "Personnummer"));
        if (!samtycken.at(row, "Återkallat").empty()) {
            withdrawn.insert(samtycken.at(row, "Personnummer"));
        }
    }
    EXPECT_EQ(withdrawn, withdrawing);
    std::set<std::string> identified = consenting;
    identified.insert(withdrawing.begin(), withdrawing.end());
    EXPECT_EQ(signed_, identified);
    // Protected people are registered anonymously by the förbund and flagged by AF and FK.
    const auto deltaganden = checks::readForbundSheet(drop_->forbund.at("deltaganden.csv"));
    for (const auto& row : deltaganden.rows) {
        if (protectedPeople.count(deltaganden.at(row, "Personnummer")) != 0) {
            EXPECT_EQ(deltaganden.at(row, "Anonym"), "Ja");
        }
    }
    std::set<std::string> flagged;
    for (const auto& [name, bytes] : drop_->af) {
        const auto file = checks::checkAfFile(name, bytes);
        for (const auto& row : file.rows) {
            if (file.value(row, "Skyddad") == "J") {
                flagged.insert(checks::normalisedNumber(file.value(row, "Personnummer"), file.date));
            }
        }
    }
    for (const auto& [path, bytes] : drop_->fk) {
        for (const auto& d : checks::checkFkFile(path, bytes).details) {
            if (d.skyddad) {
                flagged.insert(d.personnummer);
            }
        }
    }
    std::set<std::string> protectedTwelve;
    for (const auto& n : protectedPeople) {
        protectedTwelve.insert(twelve(n));
    }
    EXPECT_FALSE(flagged.empty());
    for (const auto& n : flagged) {
        EXPECT_EQ(protectedTwelve.count(n), 1U) << "flagged by a partner but not protected in the truth";
    }
}

// The AF INS rows (and the kommun's items) and the förbund rows describe the same participations:
// counted once.
TEST_F(WorldTruth, DistinctDeltagandenCountADoublyReportedParticipationOnce) {
    const auto& d = drop_->world["deltaganden"];
    const auto deltaganden = checks::readForbundSheet(drop_->forbund.at("deltaganden.csv"));
    EXPECT_EQ(d["distinct"].GetUint64(), deltaganden.rows.size());
    EXPECT_EQ(d["reported_by_forbund"].GetUint64(), deltaganden.rows.size());
    std::map<std::string, std::pair<std::string, std::string>> insRows;  // Rad_id -> insats, start
    for (const auto& [name, bytes] : drop_->af) {
        const auto file = checks::checkAfFile(name, bytes);
        for (const auto& row : file.rows) {
            if (file.value(row, "Radtyp") == "INS") {
                insRows[file.value(row, "Rad_id")] = {file.value(row, "Insatskod"), file.value(row, "Insats_start")};
            }
        }
    }
    EXPECT_GT(insRows.size(), 0U);
    EXPECT_EQ(d["reported_by_af"].GetUint64(), insRows.size());
    EXPECT_EQ(d["reported_twice"].GetUint64(),
              insRows.size() + d["reported_by_kommun"].GetUint64() + d["reported_by_region"].GetUint64());
    std::set<std::string> mapped;
    std::set<std::string> ids;
    for (const auto& item : d["items"].GetArray()) {
        EXPECT_TRUE(ids.insert(item["deltagande_id"].GetString()).second);
        if (!item["sources"].HasMember("af")) {
            continue;
        }
        const std::string rad = item["sources"]["af"].GetString();
        mapped.insert(rad);
        ASSERT_EQ(insRows.count(rad), 1U) << rad;
        EXPECT_EQ(insRows[rad].first, item["insats"].GetString());
        EXPECT_EQ(insRows[rad].second, item["start"].GetString());
    }
    EXPECT_EQ(mapped.size(), insRows.size());
}

}  // namespace
}  // namespace finsam::generator
