// tests/core/consent/consent_policy_test.cpp — coverage and in-force rules, one edge each.
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/consent_policy.h"

#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "tests/core/consent/consent_fixtures.h"

namespace finsam::consent {
namespace {

using fixtures::d;

std::vector<std::string> keysOf(const Coverage& coverage) {
    std::vector<std::string> keys;
    for (const Participation& p : coverage.participations) {
        keys.push_back(p.key);
    }
    return keys;
}

Participation uncited(const std::string& key, const std::string& insats, const std::string& start) {
    Participation p = fixtures::participation();
    p.key = key;
    p.insatsId = insats;
    p.start = d(start);
    p.end = d(start);
    p.citedConsent.clear();
    return p;
}

// ---- coverage -----------------------------------------------------------------------------------

TEST(Coverage, ACitedConsentCoversOnlyTheParticipationsThatCiteIt) {
    const Participation citing = fixtures::participation();
    const Participation other =
        uncited("forbund-sthlm/D-2", "INS-7", "2019-06-01");  // inside validity
    const Coverage coverage = coveredParticipations(fixtures::permit(), {citing, other});
    EXPECT_EQ(coverage.rule, "covered_by_citation");
    EXPECT_EQ(coverage.consentKey, "forbund-sthlm/SAM-2019-0002");
    EXPECT_EQ(keysOf(coverage), std::vector<std::string>{"forbund-sthlm/D-1"});
}

TEST(Coverage, ACitationFromAnotherForbundIsNotACitation) {
    Participation elsewhere = fixtures::participation();
    elsewhere.forbund = "forbund-malmo";
    const Coverage coverage = coveredParticipations(fixtures::permit(), {elsewhere});
    EXPECT_EQ(coverage.rule, "no_participation_covered");
    EXPECT_TRUE(coverage.participations.empty());
}

TEST(Coverage, AnUncitedForbundConsentCoversEveryInsatsStartingInItsValidity) {
    const Coverage coverage = coveredParticipations(
        fixtures::permit(), {uncited("forbund-sthlm/D-1", "INS-7", "2019-04-01"),
                             uncited("forbund-sthlm/D-2", "INS-9", "2020-02-01")});
    EXPECT_EQ(coverage.rule, "covered_by_validity");
    EXPECT_EQ(keysOf(coverage),
              (std::vector<std::string>{"forbund-sthlm/D-1", "forbund-sthlm/D-2"}));
}

TEST(Coverage, AnInsatsConsentDoesNotCoverAnotherInsats) {
    Consent consent = fixtures::permit();
    consent.scopeInsats = "INS-7";
    const Coverage coverage =
        coveredParticipations(consent, {uncited("forbund-sthlm/D-1", "INS-7", "2019-04-01"),
                                        uncited("forbund-sthlm/D-2", "INS-9", "2020-02-01")});
    EXPECT_EQ(coverage.rule, "covered_by_validity");
    EXPECT_EQ(keysOf(coverage), std::vector<std::string>{"forbund-sthlm/D-1"});

    consent.scopeInsats = "INS-3";
    const Coverage none =
        coveredParticipations(consent, {uncited("forbund-sthlm/D-2", "INS-9", "2020-02-01")});
    EXPECT_EQ(none.rule, "scope_other_insats");
    EXPECT_TRUE(none.participations.empty());
}

TEST(Coverage, ACitationForAnotherInsatsIsNotCovered) {
    Consent consent = fixtures::permit();
    consent.scopeInsats = "INS-9";  // the participation citing it is in INS-7
    const Coverage coverage = coveredParticipations(consent, {fixtures::participation()});
    EXPECT_EQ(coverage.rule, "scope_other_insats");
    EXPECT_TRUE(coverage.participations.empty());
    consent.scopeInsats = "INS-7";
    EXPECT_EQ(coveredParticipations(consent, {fixtures::participation()}).rule,
              "covered_by_citation");
}

TEST(Coverage, AnUncitedConsentDoesNotCoverAnotherForbundsParticipation) {
    Participation elsewhere = uncited("forbund-malmo/D-5", "INS-7", "2019-04-01");
    elsewhere.forbund = "forbund-malmo";
    EXPECT_EQ(coveredParticipations(fixtures::permit(), {elsewhere}).rule,
              "no_participation_covered");
}

TEST(Coverage, AnUncitedConsentWithoutValidFromCoversNothing) {
    Consent consent = fixtures::permit();
    consent.validFrom.reset();
    EXPECT_EQ(
        coveredParticipations(consent, {uncited("forbund-sthlm/D-1", "INS-7", "2019-04-01")}).rule,
        "no_participation_covered");
}

struct StartCase {
    std::string name;
    std::function<void(Consent&)> change;
    std::string start;
    bool covered;
};

/// Names the case in failure messages instead of a byte dump.
void PrintTo(const StartCase& c, std::ostream* out) {
    *out << c.name;
}

class CoverageByStartTest : public ::testing::TestWithParam<StartCase> {};

// Validity of the fixture permit: [2019-03-01, 2021-12-31].
TEST_P(CoverageByStartTest, CoversParticipationsStartingInsideTheValidity) {
    const StartCase& c = GetParam();
    Consent consent = fixtures::permit();
    c.change(consent);
    const Coverage coverage =
        coveredParticipations(consent, {uncited("forbund-sthlm/D-1", "INS-7", c.start)});
    EXPECT_EQ(coverage.participations.size(), c.covered ? 1U : 0U);
    EXPECT_EQ(coverage.rule, c.covered ? "covered_by_validity" : "no_participation_covered");
}

const auto kNoChange = [](Consent&) {};
const auto kOpenValidTo = [](Consent& c) { c.validTo.reset(); };
const auto kWithdrawn = [](Consent& c) { c.withdrawnAt = d("2020-05-10"); };

INSTANTIATE_TEST_SUITE_P(
    Edges, CoverageByStartTest,
    ::testing::Values(StartCase{"ValidFromDay", kNoChange, "2019-03-01", true},
                      StartCase{"DayBeforeValidFrom", kNoChange, "2019-02-28", false},
                      StartCase{"ValidToDay", kNoChange, "2021-12-31", true},
                      StartCase{"DayAfterValidTo", kNoChange, "2022-01-01", false},
                      StartCase{"OpenValidToHasNoUpperBound", kOpenValidTo, "2035-01-01", true},
                      StartCase{"DayBeforeWithdrawal", kWithdrawn, "2020-05-09", true},
                      StartCase{"WithdrawalDay", kWithdrawn, "2020-05-10", false}),
    [](const auto& info) { return info.param.name; });

// ---- in force -----------------------------------------------------------------------------------

struct InForceCase {
    std::string name;
    std::function<void(Consent&)> change;
    std::vector<Participation> covered;
    std::string date;
    std::string rule;
};

/// Names the case in failure messages instead of a byte dump.
void PrintTo(const InForceCase& c, std::ostream* out) {
    *out << c.name;
}

class InForceTest : public ::testing::TestWithParam<InForceCase> {};

TEST_P(InForceTest, DecidesWithTheExpectedRule) {
    const InForceCase& c = GetParam();
    Consent consent = fixtures::permit();
    c.change(consent);
    const InForceDecision decision = inForce(consent, d(c.date), c.covered, WindowConfig{});
    EXPECT_EQ(decision.rule, c.rule);
    EXPECT_EQ(decision.inForce, c.rule == "in_force");
    EXPECT_EQ(decision.consentKey, consent.key);
    EXPECT_EQ(decision.detail.find(consent.personKey), std::string::npos) << decision.detail;
}

const std::vector<Participation> kCovered{fixtures::participation()};  // window ends 2021-06-30

Participation ongoing() {
    Participation p = fixtures::participation();
    p.key = "forbund-sthlm/D-3";
    p.end.reset();
    return p;
}

Participation endingLater() {
    Participation p = fixtures::participation();
    p.key = "forbund-sthlm/D-4";
    p.end = d("2022-03-31");  // window ends 2023-03-31
    return p;
}

auto status(ConsentStatus value) {
    return [value](Consent& c) { c.status = value; };
}
auto withdrawnAt(const char* date) {
    return [date](Consent& c) { c.withdrawnAt = d(date); };
}
const auto kNoValidFrom = [](Consent& c) { c.validFrom.reset(); };
const auto kDenyOpen = [](Consent& c) {
    c.validTo.reset();
    c.effect = ConsentEffect::kDeny;
};

INSTANTIATE_TEST_SUITE_P(
    Period, InForceTest,
    ::testing::Values(
        InForceCase{"ValidFromDayIsIn", kNoChange, kCovered, "2019-03-01", "in_force"},
        InForceCase{"DayBeforeValidFromIsOut", kNoChange, kCovered, "2019-02-28", "not_in_force"},
        InForceCase{"ValidToDayIsIn", kNoChange, kCovered, "2021-12-31", "in_force"},
        InForceCase{"DayAfterValidToIsOut", kNoChange, kCovered, "2022-01-01", "not_in_force"},
        InForceCase{"ValidToWinsOverAShorterWindow", kNoChange, kCovered, "2021-10-01", "in_force"},
        InForceCase{"DayBeforeWithdrawalIsIn", withdrawnAt("2020-05-10"), kCovered, "2020-05-09",
                    "in_force"},
        InForceCase{"WithdrawalDayIsOut", withdrawnAt("2020-05-10"), kCovered, "2020-05-10",
                    "withdrawn"},
        InForceCase{"WithdrawalIsReportedAfterValidTo", withdrawnAt("2020-05-10"), kCovered,
                    "2023-01-01", "withdrawn"},
        InForceCase{"NoValidFromIsNeverInForce", kNoValidFrom, kCovered, "2020-01-01",
                    "no_valid_from"}),
    [](const auto& info) { return info.param.name; });

INSTANTIATE_TEST_SUITE_P(
    Status, InForceTest,
    ::testing::Values(InForceCase{"Active", status(ConsentStatus::kActive), kCovered, "2020-01-01",
                                  "in_force"},
                      InForceCase{"Draft", status(ConsentStatus::kDraft), kCovered, "2020-01-01",
                                  "status_not_active"},
                      InForceCase{"Rejected", status(ConsentStatus::kRejected), kCovered,
                                  "2020-01-01", "status_not_active"},
                      InForceCase{"EnteredInError", status(ConsentStatus::kEnteredInError),
                                  kCovered, "2020-01-01", "status_not_active"},
                      InForceCase{"Inactive", status(ConsentStatus::kInactive), kCovered,
                                  "2020-01-01", "status_not_active"}),
    [](const auto& info) { return info.param.name; });

// With no valid-to date the consent runs until the follow-up window of what it covers ends.
INSTANTIATE_TEST_SUITE_P(
    OpenValidTo, InForceTest,
    ::testing::Values(
        InForceCase{"WindowEndIsIn", kOpenValidTo, kCovered, "2021-06-30", "in_force"},
        InForceCase{"DayAfterWindowEndIsOut", kOpenValidTo, kCovered, "2021-07-01", "not_in_force"},
        InForceCase{"LatestWindowEndCounts",
                    kOpenValidTo,
                    {fixtures::participation(), endingLater()},
                    "2023-03-31",
                    "in_force"},
        InForceCase{"DayAfterLatestWindowEndIsOut",
                    kOpenValidTo,
                    {fixtures::participation(), endingLater()},
                    "2023-04-01",
                    "not_in_force"},
        InForceCase{"OngoingParticipationKeepsItOpen",
                    kOpenValidTo,
                    {fixtures::participation(), ongoing()},
                    "2040-01-01",
                    "in_force"},
        InForceCase{"PermitCoveringNothingIsNotInForce",
                    kOpenValidTo,
                    {},
                    "2019-03-01",
                    "no_participation_covered"},
        InForceCase{"DenyCoveringNothingStaysInForce", kDenyOpen, {}, "2040-01-01", "in_force"},
        InForceCase{"WithdrawalEndsAnOpenConsent",
                    [](Consent& c) {
                        c.validTo.reset();
                        c.withdrawnAt = d("2020-05-10");
                    },
                    {ongoing()},
                    "2020-05-10",
                    "withdrawn"}),
    [](const auto& info) { return info.param.name; });

TEST(InForcePeriod, AWithdrawalEndsThePeriodTheDayBefore) {
    Consent consent = fixtures::permit();
    consent.validTo.reset();
    consent.withdrawnAt = d("2020-05-10");
    const auto period = inForcePeriod(consent, {ongoing()}, WindowConfig{});
    ASSERT_TRUE(period.has_value());
    EXPECT_EQ(formatIsoDate(period->from), "2019-03-01");
    ASSERT_TRUE(period->to.has_value());
    EXPECT_EQ(formatIsoDate(*period->to), "2020-05-09");
}

TEST(InForcePeriod, OpenValidToEndsWithTheWindowAndOngoingIsOpen) {
    Consent consent = fixtures::permit();
    consent.validTo.reset();
    EXPECT_EQ(formatIsoDate(*inForcePeriod(consent, kCovered, WindowConfig{})->to), "2021-06-30");
    EXPECT_EQ(formatIsoDate(*inForcePeriod(consent, kCovered, WindowConfig{10, 6})->to),
              "2020-12-30");
    EXPECT_FALSE(inForcePeriod(consent, {ongoing()}, WindowConfig{})->to.has_value());
}

TEST(InForcePeriod, NeverForADraftAWithdrawalBeforeValidFromOrAnUncoveredPermit) {
    Consent draft = fixtures::permit();
    draft.status = ConsentStatus::kDraft;
    EXPECT_FALSE(inForcePeriod(draft, kCovered, WindowConfig{}).has_value());
    Consent early = fixtures::permit();
    early.withdrawnAt = early.validFrom;
    EXPECT_FALSE(inForcePeriod(early, kCovered, WindowConfig{}).has_value());
    Consent open = fixtures::permit();
    open.validTo.reset();
    EXPECT_FALSE(inForcePeriod(open, {}, WindowConfig{}).has_value());
}

TEST(ConsentStatus, FhirCodesMapAndOnlyActiveIsActive) {
    EXPECT_EQ(consentStatusFromFhir("active"), ConsentStatus::kActive);
    EXPECT_EQ(consentStatusFromFhir("proposed"), ConsentStatus::kDraft);
    EXPECT_EQ(consentStatusFromFhir("not-done"), ConsentStatus::kRejected);
    EXPECT_EQ(consentStatusFromFhir("entered-in-error"), ConsentStatus::kEnteredInError);
    EXPECT_EQ(consentStatusFromFhir("inactive"), ConsentStatus::kInactive);
    EXPECT_FALSE(consentStatusFromFhir("Active").has_value());
    EXPECT_EQ(toString(ConsentStatus::kEnteredInError), "entered-in-error");
}

}  // namespace
}  // namespace finsam::consent
