// connectors/region-fhir/tests/generated_drop_test.cpp — the generator's region (finsam-gen region) read
// page by page and compared with its truth (DIR/truth/region.json).
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <map>
#include <set>

#include "record_views.h"
#include "region_test_support.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

using sdk::Operation;

// Seed 1 with 300 participants has protected patients and samordningsnummer; pages of 10 make ties of
// meta.lastUpdated run across page boundaries.
constexpr int kParticipants = 300;
constexpr int kSeed = 1;
constexpr int kPageSize = 10;

class GeneratedDrop : public ::testing::Test {
protected:
    static void SetUpTestSuite() { region_ = new GeneratedRegion(kParticipants, kSeed, kPageSize); }
    static void TearDownTestSuite() {
        delete region_;
        region_ = nullptr;
    }

    static sdk::testkit::DrainOutcome read(const std::string& extra = "", const std::string& checkpoint = "") {
        auto fetcher = std::make_shared<GeneratedPagesFetcher>(region_->regionDir());
        return drain(fetcher, checkpoint, settingsJson(kPageSize, extra));
    }

    static rapidjson::Document truth() {
        rapidjson::Document document;
        const std::string text = readFile(region_->truthFile());
        document.Parse(text.c_str());
        return document;
    }

    static GeneratedRegion* region_;
};

GeneratedRegion* GeneratedDrop::region_ = nullptr;

// Patients whose every match in the pages is entered-in-error: the hub learns nothing of them.
std::size_t patientsOnlyInError(const std::filesystem::path& regionDir) {
    std::map<std::string, bool> onlyInError;  // "Patient/<id>" -> no other match references it
    for (const auto& search : std::filesystem::directory_iterator(regionDir)) {
        for (const auto& file : std::filesystem::directory_iterator(search.path())) {
            if (file.path().filename().string().rfind("page-", 0) != 0) {
                continue;
            }
            rapidjson::Document page;
            const std::string text = readFile(file.path());
            page.Parse(text.c_str());
            for (const auto& entry : page["entry"].GetArray()) {
                const auto& resource = entry["resource"];
                if (std::string(entry["search"]["mode"].GetString()) != "match") {
                    continue;
                }
                const std::string patient = resource["patient"]["reference"].GetString();
                const bool inError = std::string(resource["status"].GetString()) == "entered-in-error";
                auto [it, added] = onlyInError.emplace(patient, inError);
                it->second = it->second && inError;
            }
        }
    }
    return static_cast<std::size_t>(
        std::count_if(onlyInError.begin(), onlyInError.end(), [](const auto& p) { return p.second; }));
}

std::int64_t countOf(const rapidjson::Value& counts, const char* name) {
    return counts.HasMember(name) ? counts[name].GetInt64() : 0;
}

TEST_F(GeneratedDrop, EpisodesAndConsentsAddUpToTheTruth) {
    const auto outcome = read("\"rehabkoordinering\":\"kontakt\"");
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    EXPECT_TRUE(outcome.collected.problems.empty());
    EXPECT_TRUE(outcome.collected.rejections.empty());
    const auto document = truth();
    const auto& final = document["final"];
    const auto& episodes = final["episodes"];

    const auto participations = select(outcome.collected, "deltagande", Operation::kUpsert);
    const auto contacts = select(outcome.collected, "kontakt", Operation::kUpsert);
    EXPECT_EQ(static_cast<std::int64_t>(participations.size()), episodes["finsam_participations"].GetInt64());
    EXPECT_EQ(static_cast<std::int64_t>(contacts.size()), episodes["rehabkoordinering"].GetInt64());

    // Status: an upsert without slutdatum is active, with one finished; a stated retract is entered-in-error.
    std::map<std::string, std::int64_t> byStatus;
    for (const auto* list : {&participations, &contacts}) {
        for (const auto& record : *list) {
            ++byStatus[valueOf(record, "slutdatum").empty() ? "active" : "finished"];
        }
    }
    std::set<std::string> retracted;
    for (const char* entity : {"deltagande", "kontakt"}) {
        for (const auto& record : select(outcome.collected, entity, Operation::kRetract)) {
            retracted.insert(record.key);
            ++byStatus["entered-in-error"];
        }
    }
    for (const auto& [status, count] : byStatus) {
        EXPECT_EQ(count, countOf(episodes["by_status"], status.c_str())) << status;
    }
    std::set<std::string> expectedRetracted;
    for (const auto& id : episodes["retracted_entered_in_error"].GetArray()) {
        expectedRetracted.insert(id.GetString());
    }
    EXPECT_EQ(retracted, expectedRetracted);
    EXPECT_EQ(participations.size() + contacts.size() + retracted.size(),
              static_cast<std::size_t>(episodes["total"].GetInt64()));

    const auto consents = select(outcome.collected, "samtycke", Operation::kUpsert);
    EXPECT_EQ(static_cast<std::int64_t>(consents.size()), final["consents"]["total"].GetInt64());
    std::map<std::string, std::int64_t> consentStatus;
    for (const auto& record : consents) {
        ++consentStatus[valueOf(record, "status")];
        EXPECT_FALSE(valueOf(record, "blankett").empty()) << record.key;
        EXPECT_EQ(valueOf(record, "status") == "inactive", !valueOf(record, "aterkallat").empty()) << record.key;
    }
    for (const auto& status : final["consents"]["by_status"].GetObject()) {
        EXPECT_EQ(consentStatus[status.name.GetString()], status.value.GetInt64()) << status.name.GetString();
    }
}

TEST_F(GeneratedDrop, PatientsAndProtectedPatientsAddUpToTheTruth) {
    const auto outcome = read("\"rehabkoordinering\":\"kontakt\"");
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    std::set<std::string> persons;
    std::set<std::string> protectedPersons;
    for (const auto& record : outcome.collected.records) {
        const std::string number = valueOf(record, "personnummer");
        if (record.operation != Operation::kUpsert || number.empty()) {
            continue;
        }
        persons.insert(number);
        if (valueOf(record, "skyddad") == "true") {
            protectedPersons.insert(number);
        }
    }
    const auto document = truth();
    EXPECT_EQ(static_cast<std::int64_t>(persons.size() + patientsOnlyInError(region_->regionDir())),
              document["final"]["patients"].GetInt64());
    EXPECT_EQ(static_cast<std::int64_t>(protectedPersons.size()), document["final"]["protected_patients"].GetInt64());
    EXPECT_GT(protectedPersons.size(), 0u) << "the seed should hold protected patients";
}

TEST_F(GeneratedDrop, WithoutKontaktRehabkoordineringIsNotEmitted) {
    const auto outcome = read();
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    const auto document = truth();
    EXPECT_EQ(static_cast<std::int64_t>(select(outcome.collected, "deltagande", Operation::kUpsert).size()),
              document["final"]["episodes"]["finsam_participations"].GetInt64());
    EXPECT_TRUE(outcome.collected.recordsOf("kontakt").empty());
    // A rehabkoordinering episode only takes back, as derived, a deltagande under its id (in case it lost its
    // insats identifier).
    for (const auto& record : select(outcome.collected, "deltagande", Operation::kRetract, false)) {
        if (record.position.line == 0) {
            EXPECT_TRUE(record.fields.empty());
        }
    }
}

TEST_F(GeneratedDrop, ThePageSizeDoesNotChangeWhatIsRead) {
    GeneratedRegion onePage(kParticipants, kSeed, 200);
    const auto large = drain(std::make_shared<GeneratedPagesFetcher>(onePage.regionDir()), "", settingsJson(200));
    const auto small = read();
    ASSERT_EQ(large.result.status, sdk::Status::kOk);
    ASSERT_EQ(small.result.status, sdk::Status::kOk);
    EXPECT_GT(small.batches, large.batches);
    EXPECT_EQ(describeAll(large.collected.records, false), describeAll(small.collected.records, false));
}

TEST_F(GeneratedDrop, ARunFromTheFinalCheckpointReadsNothingNewAndAsksFromTheLastUpdate) {
    const auto first = read();
    ASSERT_EQ(first.result.status, sdk::Status::kOk);
    auto fetcher = std::make_shared<GeneratedPagesFetcher>(region_->regionDir());
    const auto second = drain(fetcher, first.checkpoint, settingsJson(kPageSize));
    ASSERT_EQ(second.result.status, sdk::Status::kOk) << second.result.message;
    EXPECT_TRUE(second.collected.records.empty());
    EXPECT_TRUE(second.collected.problems.empty());
    EXPECT_EQ(second.checkpoint, first.checkpoint);
    // The query carries the highest meta.lastUpdated, its '+' percent-encoded.
    const auto document = truth();
    for (const auto& search : document["searches"].GetArray()) {
        std::string since = search["highest_last_updated"].GetString();
        since.replace(since.find('+'), 1, "%2B");
        const std::string expected = std::string(kBase) + "/" + search["resource"].GetString() +
                                     "?_lastUpdated=ge" + since + "&_include=" + search["resource"].GetString() +
                                     ":patient&_sort=_lastUpdated&_count=" + std::to_string(kPageSize);
        EXPECT_NE(std::find(fetcher->requests().begin(), fetcher->requests().end(), expected),
                  fetcher->requests().end())
            << expected;
    }
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
