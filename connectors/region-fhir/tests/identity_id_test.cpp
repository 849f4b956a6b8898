// connectors/region-fhir/tests/identity_id_test.cpp — a server that keys EpisodeOfCare or Consent by a
// personnummer: the resource is quarantined, its id never becomes a key and is in no text the run hands over,
// the checkpoint included.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "collecting_logger.h"
#include "record_views.h"
#include "region_test_support.h"
#include "search_checkpoint.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

constexpr const char* kT1 = "2019-03-17T02:00:00+01:00";

// kPnrA and kSamordningsnummer in every form an id could carry them.
const std::vector<std::string> kNumberIds = {"198507099805", "19850709-9805", "8507099805",   "850709-9805",
                                             "850709+9805",  "198507699802",  "EOC-198507099805"};

// The digits of an id's number, as any form of it would show them.
std::vector<std::string> numberFormsOf(const std::string& id) {
    std::string digits;
    for (char c : id) {
        if (c >= '0' && c <= '9') {
            digits += c;
        }
    }
    const std::string ten = digits.substr(digits.size() - 10);
    return {digits, ten, ten.substr(0, 6) + "-" + ten.substr(6), ten.substr(0, 6) + "+" + ten.substr(6)};
}

TEST(IdentityId, AnEpisodeOrConsentKeyedByANumberIsQuarantinedAndItsIdGoesNowhere) {
    for (const auto& id : kNumberIds) {
        auto fetcher = std::make_shared<ScriptedFetcher>();
        fetcher->answerQuery("Consent",
                             bundle({consent({.id = "c0", .patient = "p1"}), consent({.id = id, .patient = "p1"})},
                                    {patient({.id = "p1", .personnummer = kPnrB})}));
        fetcher->answerQuery("EpisodeOfCare",
                             bundle({episode({.id = id, .patient = "p1", .insats = "FB-1"}),
                                     episode({.id = "e1", .patient = "p1", .insats = "FB-1"})},
                                    {patient({.id = "p1", .personnummer = kPnrB})}));
        sdk::testkit::CollectingLogger logger;
        const auto outcome = drain(fetcher, "", settingsJson(), &logger);
        ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
        std::vector<std::string> keys;
        for (const auto& record : outcome.collected.records) {
            keys.push_back(record.entity + "/" + record.key);
        }
        EXPECT_EQ(keys, (std::vector<std::string>{"samtycke/c0", "deltagande/e1"})) << id;
        ASSERT_EQ(outcome.collected.problems.size(), 2u) << id;
        for (const auto& [problem, entity] : {std::pair{outcome.collected.problems[0], "samtycke"},
                                               std::pair{outcome.collected.problems[1], "deltagande"}}) {
            EXPECT_EQ(problem.code, "personnummer_id") << id;
            EXPECT_EQ(problem.entity, entity) << id;
            EXPECT_EQ(problem.key, "") << id;
            EXPECT_NE(problem.message.find("personnummer"), std::string::npos) << problem.message;
        }
        EXPECT_EQ(outcome.collected.problems[0].field, "/entry/1/resource/id");
        EXPECT_EQ(outcome.collected.problems[0].position.line, 2);
        EXPECT_EQ(outcome.collected.problems[1].field, "/entry/0/resource/id");
        EXPECT_EQ(outcome.collected.problems[1].position.line, 1);
        for (const auto& text : emittedTexts(outcome, logger)) {
            for (const auto& form : numberFormsOf(id)) {
                EXPECT_EQ(text.find(form), std::string::npos) << id << " in: " << text;
            }
        }
    }
}

TEST(IdentityId, TheWithheldIdIsStillDeduplicatedAtTheBoundaryAndTwoSuchMatchesStayApart) {
    // Two episodes keyed by numbers at one instant, across two pages: each is quarantined once, and a run from
    // the checkpoint (the server answering `ge since` with both again) quarantines neither again.
    const std::string page2 = std::string(kBase) + "?_getpages=s1&_getpagesoffset=1";
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    const std::string first = episode({.id = kPnrA, .lastUpdated = kT1, .patient = "p1", .insats = "FB-1"});
    const std::string second = episode({.id = kPnrC, .lastUpdated = kT1, .patient = "p1", .insats = "FB-1"});
    const std::string patients = patient({.id = "p1", .personnummer = kPnrB});
    fetcher->answerQuery("EpisodeOfCare", bundle({first}, {patients}, page2));
    fetcher->answer(page2, bundle({second}, {patients}));
    const auto straight = drain(fetcher);
    for (const char* number : {kPnrA, kPnrC, "8507099805", "7403129344"}) {
        EXPECT_EQ(straight.checkpoint.find(number), std::string::npos) << straight.checkpoint;
    }
    ASSERT_EQ(straight.result.status, sdk::Status::kOk) << straight.result.message;
    ASSERT_EQ(straight.collected.problems.size(), 2u);
    const auto cursor = Checkpoint::parse(straight.checkpoint)->searches.at("EpisodeOfCare");
    EXPECT_EQ(cursor.since, kT1);
    EXPECT_EQ(cursor.seen.size(), 2u) << straight.checkpoint;

    fetcher->answerQuery("EpisodeOfCare", bundle({first, second}, {patients}));
    const auto again = drain(fetcher, straight.checkpoint);
    ASSERT_EQ(again.result.status, sdk::Status::kOk) << again.result.message;
    EXPECT_TRUE(again.collected.problems.empty());
    EXPECT_TRUE(again.collected.records.empty());
    EXPECT_EQ(again.checkpoint, straight.checkpoint);
}

TEST(IdentityId, IdsWithDigitsThatAreNoNumberStayKeys) {
    // A bad check digit, no real date, a UUID, an HSA-like id, a number inside a longer run of digits.
    const std::vector<std::string> ids = {"198507099806", "198513099805", "3f2a9c10-1234-5678-9012-123456789012",
                                          "SE2321000016-1X2Y", "1198507099805"};
    for (const auto& id : ids) {
        auto fetcher = std::make_shared<ScriptedFetcher>();
        fetcher->answerQuery("Consent", bundle({}, {}));
        fetcher->answerQuery("EpisodeOfCare", bundle({episode({.id = id, .patient = "p1", .insats = "FB-1"})},
                                                     {patient({.id = "p1", .personnummer = kPnrB})}));
        const auto outcome = drain(fetcher);
        EXPECT_TRUE(outcome.collected.problems.empty()) << id;
        ASSERT_EQ(outcome.collected.records.size(), 1u) << id;
        EXPECT_EQ(outcome.collected.records[0].key, id);
    }
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
