// connectors/region-fhir/tests/resource_quarantine_test.cpp — a resource that fails validation is
// quarantined alone, its problem naming the page URL, the entry and the JSON pointer at fault.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "identity_scan.h"
#include "record_views.h"
#include "region_test_support.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

const std::string kQuery = std::string(kBase) + "/EpisodeOfCare?_include=EpisodeOfCare:patient&_sort=_lastUpdated&_count=200";

struct Case {
    const char* name;
    std::string badEpisode;             ///< at entry 1, between two good ones
    std::vector<std::string> patients;  ///< included after the three matches (entries 3…)
    std::string pointer;
    std::string code;
};

// A page of three episodes: the first and last are fine; the middle one carries the fault.
sdk::testkit::DrainOutcome readPage(const Case& c) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    std::vector<std::string> includes = {patient({.id = "ok", .personnummer = kPnrA})};
    includes.insert(includes.end(), c.patients.begin(), c.patients.end());
    fetcher->answerQuery("EpisodeOfCare",
                         bundle({episode({.id = "e0", .patient = "ok", .insats = "FB-1"}), c.badEpisode,
                                 episode({.id = "e2", .patient = "ok", .insats = "FB-1"})},
                                includes));
    return drain(fetcher);
}

std::vector<Case> cases() {
    return {
        {"bad_check_digit", episode({.id = "e1", .patient = "bad", .insats = "FB-1"}),
         {patient({.id = "bad", .personnummer = "198507099806"})}, "/entry/4/resource/identifier/0/value",
         "bad_identifier"},
        {"not_twelve_digits", episode({.id = "e1", .patient = "bad", .insats = "FB-1"}),
         {patient({.id = "bad", .personnummer = "8507099805"})}, "/entry/4/resource/identifier/0/value",
         "bad_identifier"},
        {"samordningsnummer_as_personnummer", episode({.id = "e1", .patient = "bad", .insats = "FB-1"}),
         {patient({.id = "bad", .personnummer = kSamordningsnummer})}, "/entry/4/resource/identifier/0/value",
         "bad_identifier"},
        {"personnummer_as_samordningsnummer", episode({.id = "e1", .patient = "bad", .insats = "FB-1"}),
         {patient({.id = "bad", .samordningsnummer = kPnrB})}, "/entry/4/resource/identifier/0/value",
         "bad_identifier"},
        {"no_patient_reference", episode({.id = "e1", .insats = "FB-1"}), {}, "/entry/1/resource/patient/reference",
         "missing_patient"},
        {"patient_not_included", episode({.id = "e1", .patient = "absent", .insats = "FB-1"}), {},
         "/entry/1/resource/patient/reference", "missing_patient"},
        {"finished_without_end", episode({.id = "e1", .status = "finished", .patient = "ok", .insats = "FB-1"}), {},
         "/entry/1/resource/period/end", "missing_value"},
        {"active_without_start", episode({.id = "e1", .patient = "ok", .insats = "FB-1", .start = ""}), {},
         "/entry/1/resource/period/start", "missing_value"},
        {"start_no_date", episode({.id = "e1", .patient = "ok", .insats = "FB-1", .start = "2019-02-30"}), {},
         "/entry/1/resource/period/start", "bad_value"},
        {"unknown_status", episode({.id = "e1", .status = "paused", .patient = "ok", .insats = "FB-1"}), {},
         "/entry/1/resource/status", "unknown_code"},
        {"no_version",
         R"({"resourceType":"EpisodeOfCare","id":"e1","meta":{"lastUpdated":"2019-03-17T02:00:00+01:00"},"status":"active"})",
         {}, "/entry/1/resource/meta/versionId", "missing_value"},
        {"bad_last_updated",
         R"({"resourceType":"EpisodeOfCare","id":"e1","meta":{"versionId":"1","lastUpdated":"2019-03-17"},"status":"active"})",
         {}, "/entry/1/resource/meta/lastUpdated", "bad_value"},
    };
}

TEST(ResourceQuarantine, TheFaultyResourceAloneWithItsPointer) {
    for (const auto& c : cases()) {
        const auto outcome = readPage(c);
        ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << c.name;
        EXPECT_TRUE(outcome.collected.rejections.empty()) << c.name;
        std::vector<std::string> keys;
        for (const auto& record : select(outcome.collected, "deltagande", sdk::Operation::kUpsert)) {
            keys.push_back(record.key);
        }
        EXPECT_EQ(keys, (std::vector<std::string>{"e0", "e2"})) << c.name;
        ASSERT_EQ(outcome.collected.problems.size(), 1u) << c.name;
        const auto& problem = outcome.collected.problems[0];
        EXPECT_EQ(problem.position.source, kQuery) << c.name;
        EXPECT_EQ(problem.position.line, 2) << c.name;  // the episode is entry 1: the second
        EXPECT_EQ(problem.field, c.pointer) << c.name;
        EXPECT_EQ(problem.code, c.code) << c.name;
        EXPECT_NE(problem.message.find(c.pointer), std::string::npos) << c.name << ": " << problem.message;
        EXPECT_EQ(problem.entity, "deltagande") << c.name;
        EXPECT_EQ(problem.key, "e1") << c.name;
        EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(outcome.collected)) << c.name;
        // Raw holds the episode only (an HSA-id's digits may look like a number; no patient's number does).
        for (const char* number : {kPnrA, kPnrB, kSamordningsnummer, "198507099806", "8507099805"}) {
            EXPECT_EQ(problem.raw.find(number), std::string::npos) << c.name;
        }
    }
}

TEST(ResourceQuarantine, TwoDifferentNationalNumbersAreAmbiguous) {
    std::string bad = patient({.id = "bad", .personnummer = kPnrB});
    bad.replace(bad.find("\"identifier\":[") + 14, 0,
                "{\"system\":\"urn:oid:1.2.752.129.2.1.3.1\",\"value\":\"" + std::string(kPnrC) + "\"},");
    const auto outcome = readPage({"ambiguous", episode({.id = "e1", .patient = "bad", .insats = "FB-1"}), {bad},
                                   "/entry/4/resource/identifier/1/value", "ambiguous_identity"});
    ASSERT_EQ(outcome.collected.problems.size(), 1u);
    EXPECT_EQ(outcome.collected.problems[0].field, "/entry/4/resource/identifier/1/value");
    EXPECT_EQ(outcome.collected.problems[0].code, "ambiguous_identity");
}

TEST(ResourceQuarantine, ABadConsentIsQuarantinedAlone) {
    struct ConsentCase {
        const char* name;
        std::string consentJson;
        std::string pointer;
        std::string code;
    };
    const std::vector<ConsentCase> consentCases = {
        {"bad_party", consent({.id = "c1", .patient = "ok", .parties = {"af", "Region Stockholm"}}),
         "/entry/1/resource/provision/actor/1/reference/identifier/value", "bad_value"},
        {"no_party", consent({.id = "c1", .patient = "ok", .parties = {}}), "/entry/1/resource/provision/actor",
         "missing_value"},
        {"no_category", consent({.id = "c1", .patient = "ok", .categories = {}}), "/entry/1/resource/provision/code",
         "missing_value"},
        {"no_purpose", consent({.id = "c1", .patient = "ok", .purposes = {}}), "/entry/1/resource/provision/purpose",
         "missing_value"},
        {"no_type", consent({.id = "c1", .patient = "ok", .type = ""}), "/entry/1/resource/provision/type",
         "missing_value"},
        {"bad_end", consent({.id = "c1", .patient = "ok", .end = "31/12/2020"}),
         "/entry/1/resource/provision/period/end", "bad_value"},
        {"unknown_status", consent({.id = "c1", .status = "withdrawn", .patient = "ok"}), "/entry/1/resource/status",
         "unknown_code"},
        {"no_identity", consent({.id = "c1", .patient = "none"}), "/entry/1/resource/patient/reference",
         "no_identity"},
    };
    for (const auto& c : consentCases) {
        auto fetcher = std::make_shared<ScriptedFetcher>();
        fetcher->answerQuery("Consent",
                             bundle({consent({.id = "c0", .patient = "ok"}), c.consentJson,
                                     consent({.id = "c2", .patient = "ok"})},
                                    {patient({.id = "ok", .personnummer = kPnrA}),
                                     patient({.id = "res", .reservnummer = "SLL-R-00042"}),
                                     patient({.id = "none"})}));
        fetcher->answerQuery("EpisodeOfCare", bundle({}, {}));
        const auto outcome = drain(fetcher);
        std::vector<std::string> keys;
        for (const auto& record : outcome.collected.recordsOf("samtycke")) {
            keys.push_back(record.key);
        }
        EXPECT_EQ(keys, (std::vector<std::string>{"c0", "c2"})) << c.name;
        ASSERT_EQ(outcome.collected.problems.size(), 1u) << c.name;
        EXPECT_EQ(outcome.collected.problems[0].field, c.pointer) << c.name;
        EXPECT_EQ(outcome.collected.problems[0].code, c.code) << c.name;
        EXPECT_EQ(outcome.collected.problems[0].entity, "samtycke") << c.name;
    }
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
