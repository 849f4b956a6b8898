// tests/core/consent/sus_rule_test.cpp — anonymity and counting per calendar year (SUS).
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/consent_policy.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "tests/core/consent/consent_fixtures.h"

namespace finsam::consent {
namespace {

using fixtures::d;

AnonymityDecision verdict(const std::vector<Consent>& consents, bool protectedIdentity = false) {
    const Participation p = fixtures::participation();
    return isAnonymous(p, consents, {p}, protectedIdentity);
}

TEST(IsAnonymous, ACoveringConsentKeepsTheParticipationIdentified) {
    const AnonymityDecision decision = verdict({fixtures::permit()});
    EXPECT_FALSE(decision.anonymous);
    EXPECT_EQ(decision.rule, "identified");
    EXPECT_EQ(decision.consentKey, "forbund-sthlm/SAM-2019-0002");
}

TEST(IsAnonymous, WithoutConsentTheParticipationIsAnonymous) {
    const AnonymityDecision decision = verdict({});
    EXPECT_TRUE(decision.anonymous);
    EXPECT_EQ(decision.rule, "no_covering_consent");
}

TEST(IsAnonymous, AConsentForAnotherInsatsLeavesItAnonymous) {
    Consent consent = fixtures::permit();
    consent.sourceId = "SAM-UNCITED";
    consent.scopeInsats = "INS-9";
    EXPECT_EQ(verdict({consent}).rule, "no_covering_consent");
}

TEST(IsAnonymous, ADenyIsNotAConsent) {
    EXPECT_EQ(verdict({fixtures::deny()}).rule, "no_covering_consent");
}

struct StatusCase {
    ConsentStatus status;
    bool anonymous;
};

/// Names the case in failure messages instead of a byte dump.
void PrintTo(const StatusCase& c, std::ostream* out) {
    *out << toString(c.status);
}

class AnonymityByStatusTest : public ::testing::TestWithParam<StatusCase> {};

// Consents never given leave the participation anonymous; one that ended (inactive) does not.
TEST_P(AnonymityByStatusTest, OnlyAGivenConsentIdentifies) {
    Consent consent = fixtures::permit();
    consent.status = GetParam().status;
    EXPECT_EQ(verdict({consent}).anonymous, GetParam().anonymous) << toString(GetParam().status);
}

INSTANTIATE_TEST_SUITE_P(Table, AnonymityByStatusTest,
                         ::testing::Values(StatusCase{ConsentStatus::kActive, false},
                                           StatusCase{ConsentStatus::kInactive, false},
                                           StatusCase{ConsentStatus::kDraft, true},
                                           StatusCase{ConsentStatus::kRejected, true},
                                           StatusCase{ConsentStatus::kEnteredInError, true}));

TEST(IsAnonymous, AWithdrawnOrExpiredConsentIsNeverReRegisteredAsAnonymous) {
    Consent withdrawn = fixtures::permit();
    withdrawn.withdrawnAt = d("2020-03-01");
    EXPECT_FALSE(verdict({withdrawn}).anonymous);
    Consent expired = fixtures::permit();
    expired.validTo = d("2019-12-31");
    EXPECT_FALSE(verdict({expired}).anonymous);
}

TEST(IsAnonymous, ProtectedIdentityAppearingLateAnonymisesRetroactively) {
    // Identified under a consent in force; then skyddade personuppgifter appear at one source.
    ASSERT_FALSE(verdict({fixtures::permit()}, false).anonymous);
    const AnonymityDecision decision = verdict({fixtures::permit()}, true);
    EXPECT_TRUE(decision.anonymous);
    EXPECT_EQ(decision.rule, "protected_identity");
    EXPECT_TRUE(decision.consentKey.empty());
    // Protection also wins over the SUS rule's "never re-registered" for a withdrawn consent.
    Consent withdrawn = fixtures::permit();
    withdrawn.withdrawnAt = d("2020-03-01");
    EXPECT_EQ(verdict({withdrawn}, true).rule, "protected_identity");
}

struct YearsCase {
    std::string name;
    std::string start;
    std::string end;  ///< "" = ongoing
    std::string through;
    std::vector<int> years;
};

/// Names the case in failure messages instead of a byte dump.
void PrintTo(const YearsCase& c, std::ostream* out) {
    *out << c.name;
}

class CountedYearsTest : public ::testing::TestWithParam<YearsCase> {};

TEST_P(CountedYearsTest, CountsOnceInEachCalendarYearItIsActive) {
    const YearsCase& c = GetParam();
    Participation p = fixtures::participation();
    p.start = d(c.start);
    if (c.end.empty()) {
        p.end.reset();
    } else {
        p.end = d(c.end);
    }
    EXPECT_EQ(countedYears(p, d(c.through)), c.years);
}

INSTANTIATE_TEST_SUITE_P(
    Table, CountedYearsTest,
    ::testing::Values(
        YearsCase{"WithinOneYear", "2020-02-01", "2020-11-30", "2026-01-01", {2020}},
        YearsCase{"AcrossThreeYears", "2019-11-01", "2021-02-01", "2026-01-01", {2019, 2020, 2021}},
        YearsCase{
            "NewYearsEveToNewYearsDay", "2019-12-31", "2020-01-01", "2026-01-01", {2019, 2020}},
        YearsCase{"OngoingUntilThrough", "2019-04-01", "", "2022-06-01", {2019, 2020, 2021, 2022}},
        YearsCase{"EndAfterThroughIsClipped",
                  "2019-04-01",
                  "2024-01-31",
                  "2021-12-31",
                  {2019, 2020, 2021}},
        YearsCase{"StartsOnThrough", "2021-12-31", "", "2021-12-31", {2021}},
        YearsCase{"StartsAfterThrough", "2022-01-01", "", "2021-12-31", {}}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace finsam::consent
