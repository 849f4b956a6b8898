// tests/generator/region_writer_test.cpp — the region's Bundle pages follow region-fhir.md: next
// links, included patients, _lastUpdated order with ties across pages, protected patients
// labelled, episodes and consents that match the förbund's register; truth/region.json adds up.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/personnummer.h"
#include "tests/generator/checks/forbund_sheet.h"
#include "tests/generator/checks/generated_drop.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace finsam::generator {
namespace {

constexpr int kPageSize = 10;

rapidjson::Document parse(const std::string& text) {
    rapidjson::Document d;
    d.Parse(text.c_str(), text.size());
    EXPECT_FALSE(d.HasParseError());
    return d;
}

std::string str(const rapidjson::Value& v) {
    return v.IsString() ? v.GetString() : "";
}

struct Read {
    std::vector<std::shared_ptr<rapidjson::Document>> pages;
    std::vector<const rapidjson::Value*> matches;  ///< in page order
    std::map<std::string, const rapidjson::Value*> patients;  ///< id -> resource
    bool tieAcrossPages = false;
};

// Follows next links from the first page, checking each Bundle on the way.
Read follow(const std::map<std::string, std::string>& tree, const std::string& resource) {
    Read read;
    const auto index = parse(tree.at(resource + "/index.json"));
    std::map<std::string, std::string> byUrl;
    for (const auto& page : index["pages"].GetArray()) {
        byUrl[page["url"].IsNull() ? "" : page["url"].GetString()] = page["file"].GetString();
    }
    std::string url;
    std::string lastStamp;
    for (int guard = 0; guard < 10000; ++guard) {
        read.pages.push_back(std::make_shared<rapidjson::Document>(parse(tree.at(resource + "/" + byUrl.at(url)))));
        const auto& bundle = *read.pages.back();
        EXPECT_EQ(str(bundle["resourceType"]), "Bundle");
        EXPECT_EQ(str(bundle["type"]), "searchset");
        std::string next;
        for (const auto& link : bundle["link"].GetArray()) {
            if (str(link["relation"]) == "next") {
                next = str(link["url"]);
            }
        }
        std::set<std::string> referenced;
        std::set<std::string> included;
        bool firstOnPage = true;
        for (const auto& entry : bundle["entry"].GetArray()) {
            const auto& r = entry["resource"];
            const std::string mode = str(entry["search"]["mode"]);
            EXPECT_EQ(str(entry["fullUrl"]), "https://fhir.region.test/R4/" + str(r["resourceType"]) + "/" + str(r["id"]));
            if (mode == "include") {
                EXPECT_EQ(str(r["resourceType"]), "Patient");
                included.insert(str(r["id"]));
                read.patients[str(r["id"])] = &r;
                continue;
            }
            EXPECT_EQ(mode, "match");
            EXPECT_EQ(str(r["resourceType"]), resource);
            const std::string stamp = str(r["meta"]["lastUpdated"]);
            EXPECT_GE(stamp, lastStamp) << "_sort=_lastUpdated";
            if (firstOnPage && stamp == lastStamp) {
                read.tieAcrossPages = true;
            }
            firstOnPage = false;
            lastStamp = stamp;
            referenced.insert(str(r["patient"]["reference"]).substr(8));
            read.matches.push_back(&r);
        }
        EXPECT_EQ(referenced, included) << "_include=" << resource << ":patient, page by page";
        if (next.empty()) {
            break;
        }
        url = next;
    }
    return read;
}

class RegionDrop : public testing::Test {
protected:
    static void SetUpTestSuite() {
        GeneratorOptions options = checks::optionsFor(2026, 300);
        options.region.pageSize = kPageSize;
        drop_ = checks::generate(options).release();
        episodes_ = new Read(follow(drop_->region, "EpisodeOfCare"));
        consents_ = new Read(follow(drop_->region, "Consent"));
    }
    static void TearDownTestSuite() {
        delete episodes_;
        delete consents_;
        delete drop_;
    }
    static checks::GeneratedDrop* drop_;
    static Read* episodes_;
    static Read* consents_;
};

checks::GeneratedDrop* RegionDrop::drop_ = nullptr;
Read* RegionDrop::episodes_ = nullptr;
Read* RegionDrop::consents_ = nullptr;

TEST_F(RegionDrop, SameSeedGivesIdenticalPages) {
    GeneratorOptions options = checks::optionsFor(2026, 300);
    options.region.pageSize = kPageSize;
    EXPECT_EQ(checks::generate(options)->region, drop_->region);
}

TEST_F(RegionDrop, PagesChainByNextLinksWithTiesAcrossPages) {
    EXPECT_GT(episodes_->pages.size(), 2U);
    EXPECT_TRUE(episodes_->tieAcrossPages) << "equal _lastUpdated must straddle a page boundary";
    const auto& searches = drop_->regionTruth["searches"];
    EXPECT_EQ(searches[0]["pages"].GetUint64(), episodes_->pages.size());
    EXPECT_EQ(searches[0]["matches"].GetUint64(), episodes_->matches.size());
    EXPECT_EQ(searches[1]["matches"].GetUint64(), consents_->matches.size());
    EXPECT_EQ(searches[0]["highest_last_updated"].GetString(), str((*episodes_->matches.back())["meta"]["lastUpdated"]));
}

TEST_F(RegionDrop, PatientsCarryValidNumbersAndProtectedOnesTheLabel) {
    std::set<std::string> protectedNumbers;
    for (const auto& n : drop_->world["persons"]["numbers"]["protected"].GetArray()) {
        const std::string number = n.GetString();
        protectedNumbers.insert(number.substr(0, 8) + number.substr(9));
    }
    std::map<std::string, const rapidjson::Value*> all = episodes_->patients;
    all.insert(consents_->patients.begin(), consents_->patients.end());
    int labelled = 0;
    for (const auto& [id, p] : all) {
        const auto& identifier = (*p)["identifier"][0];
        const std::string number = str(identifier["value"]);
        const auto parsed = identity::parsePersonnummer(
            number, std::chrono::year_month_day{std::chrono::year{2100}, std::chrono::month{1}, std::chrono::day{1}});
        ASSERT_TRUE(parsed.ok) << id;
        EXPECT_EQ(str(identifier["system"]), parsed.identity.kind == identity::IdentityKind::kSamordningsnummer
                                                 ? "urn:oid:1.2.752.129.2.1.3.3"
                                                 : "urn:oid:1.2.752.129.2.1.3.1");
        EXPECT_EQ(str((*p)["gender"]), parsed.identity.sex == identity::Sex::kMan ? "male" : "female");
        EXPECT_EQ(str((*p)["birthDate"]).substr(0, 4), std::to_string(parsed.identity.birthYear));
        const bool label = (*p)["meta"].HasMember("security") &&
                           str((*p)["meta"]["security"][0]["code"]) == "R" &&
                           str((*p)["meta"]["security"][0]["system"]) ==
                               "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
        EXPECT_EQ(label, protectedNumbers.count(number) == 1) << id;
        labelled += label ? 1 : 0;
    }
    EXPECT_EQ(drop_->regionTruth["final"]["patients"].GetUint64(), all.size());
    EXPECT_EQ(drop_->regionTruth["final"]["protected_patients"].GetInt(), labelled);
}

// FINSAM episodes are the förbund's deltaganden in region-run insatser; the truth counts them,
// drops entered-in-error ones and maps the rest in world.json.
TEST_F(RegionDrop, EpisodesMatchTheRegisterAndTheTruth) {
    const auto deltaganden = checks::readForbundSheet(drop_->forbund.at("deltaganden.csv"));
    std::map<std::string, std::string> viaWorld;  // episode id -> Deltagande-ID
    for (const auto& item : drop_->world["deltaganden"]["items"].GetArray()) {
        if (item["sources"].HasMember("region")) {
            viaWorld[item["sources"]["region"].GetString()] = item["deltagande_id"].GetString();
        }
    }
    std::map<std::string, std::int64_t> byStatus;
    std::int64_t participations = 0;
    std::int64_t rehab = 0;
    for (const auto* r : episodes_->matches) {
        const std::string status = str((*r)["status"]);
        ++byStatus[status];
        const bool finsam = r->HasMember("identifier");
        if (status == "entered-in-error") {
            EXPECT_EQ(viaWorld.count(str((*r)["id"])), 0U);
            continue;
        }
        EXPECT_EQ(status == "finished", (*r)["period"].HasMember("end"));
        if (!finsam) {
            ++rehab;
            continue;
        }
        ++participations;
        EXPECT_EQ(str((*r)["identifier"][0]["system"]), "urn:finsam:insats");
        const std::string id = viaWorld.at(str((*r)["id"]));
        for (const auto& row : deltaganden.rows) {
            if (deltaganden.at(row, "Deltagande-ID") == id) {
                EXPECT_EQ(deltaganden.at(row, "Insats-ID"), str((*r)["identifier"][0]["value"]));
                EXPECT_EQ(deltaganden.at(row, "Startdatum"), str((*r)["period"]["start"]));
                EXPECT_EQ(deltaganden.at(row, "Slutdatum"),
                          (*r)["period"].HasMember("end") ? str((*r)["period"]["end"]) : "");
            }
        }
    }
    const auto& truth = drop_->regionTruth["final"]["episodes"];
    for (const auto& m : truth["by_status"].GetObject()) {
        EXPECT_EQ(m.value.GetInt64(), byStatus[m.name.GetString()]) << m.name.GetString();
    }
    EXPECT_GT(byStatus["entered-in-error"], 0);
    EXPECT_EQ(truth["finsam_participations"].GetInt64(), participations);
    EXPECT_EQ(truth["rehabkoordinering"].GetInt64(), rehab);
    EXPECT_EQ(static_cast<std::int64_t>(viaWorld.size()), participations);
    EXPECT_GT(participations, 0);
    EXPECT_GT(rehab, 0);
}

// Every consent naming the region is a Consent resource with the same form, parties, categories and
// purposes; a withdrawn one is inactive and ends on the withdrawal day.
TEST_F(RegionDrop, ConsentsAreTheRegistersOnesThatNameTheRegion) {
    const auto samtycken = checks::readForbundSheet(drop_->forbund.at("samtycken.csv"));
    std::map<std::string, std::vector<std::string>> byBlankett;
    for (const auto& row : samtycken.rows) {
        if (samtycken.at(row, "Parter").find("region-01") != std::string::npos) {
            byBlankett[samtycken.at(row, "Blankett")] = row;
        }
    }
    std::set<std::string> seen;
    for (const auto* r : consents_->matches) {
        const std::string blankett = str((*r)["identifier"][0]["value"]);
        ASSERT_EQ(byBlankett.count(blankett), 1U) << blankett;
        seen.insert(blankett);
        const auto& row = byBlankett[blankett];
        const std::string withdrawn = samtycken.at(row, "Återkallat");
        EXPECT_EQ(str((*r)["status"]), withdrawn.empty() ? "active" : "inactive");
        const auto& provision = (*r)["provision"];
        EXPECT_EQ(str(provision["type"]), "permit");
        EXPECT_EQ(str(provision["period"]["start"]), samtycken.at(row, "Giltigt från"));
        if (!withdrawn.empty()) {
            EXPECT_EQ(str(provision["period"]["end"]), withdrawn);
        }
        std::string parties;
        for (const auto& actor : provision["actor"].GetArray()) {
            EXPECT_EQ(str(actor["role"]["coding"][0]["code"]), "IRCP");
            parties += parties.empty() ? "" : ";";
            parties += str(actor["reference"]["identifier"]["value"]);
        }
        EXPECT_EQ(parties, samtycken.at(row, "Parter"));
        std::string categories;
        for (const auto& code : provision["code"].GetArray()) {
            categories += categories.empty() ? "" : ";";
            categories += str(code["coding"][0]["code"]);
        }
        EXPECT_EQ(categories, samtycken.at(row, "Kategorier"));
    }
    EXPECT_EQ(seen.size(), byBlankett.size());
    const auto& truth = drop_->regionTruth["final"]["consents"];
    EXPECT_EQ(truth["total"].GetUint64(), consents_->matches.size());
}

}  // namespace
}  // namespace finsam::generator
