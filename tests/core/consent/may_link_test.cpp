// tests/core/consent/may_link_test.cpp — which cross-organisation links a consent allows.
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

struct LinkCase {
    std::string name;
    std::function<void(Consent&)> consent;
    std::function<void(LinkQuestion&)> question;
    std::string rule;
};

/// Names the case in failure messages instead of a byte dump.
void PrintTo(const LinkCase& c, std::ostream* out) {
    *out << c.name;
}

const auto kSameConsent = [](Consent&) {};
const auto kSameQuestion = [](LinkQuestion&) {};

class MayLinkTest : public ::testing::TestWithParam<LinkCase> {};

// One permit, one participation citing it; each case changes one thing.
TEST_P(MayLinkTest, DecidesWithTheExpectedRule) {
    const LinkCase& c = GetParam();
    Consent consent = fixtures::permit();
    c.consent(consent);
    LinkQuestion q = fixtures::question();
    c.question(q);
    const LinkDecision decision =
        mayLink({consent}, q, {fixtures::participation()}, WindowConfig{});
    EXPECT_EQ(decision.rule, c.rule) << decision.detail;
    EXPECT_EQ(decision.allowed, c.rule == "permitted");
    EXPECT_EQ(decision.consentKey, "forbund-sthlm/SAM-2019-0002");
    EXPECT_FALSE(decision.detail.empty());
    EXPECT_EQ(decision.detail.find(consent.personKey), std::string::npos) << decision.detail;
}

auto on(const char* date) {
    return [date](LinkQuestion& q) { q.date = d(date); };
}
auto recordA(const char* date) {
    return [date](LinkQuestion& q) { q.recordDateA = d(date); };
}
auto recordB(const char* date) {
    return [date](LinkQuestion& q) { q.recordDateB = d(date); };
}
auto withdrawnAt(const char* date) {
    return [date](Consent& c) { c.withdrawnAt = d(date); };
}
auto scope(const char* insats) {
    // Scope only matters for a consent no participation cites: rename it so nothing cites it.
    return [insats](Consent& c) {
        c.sourceId = "SAM-UNCITED";
        c.scopeInsats = insats;
    };
}

INSTANTIATE_TEST_SUITE_P(Baseline, MayLinkTest,
                         ::testing::Values(LinkCase{"Permitted", kSameConsent, kSameQuestion,
                                                    "permitted"}),
                         [](const auto& info) { return info.param.name; });

INSTANTIATE_TEST_SUITE_P(
    Period, MayLinkTest,
    ::testing::Values(
        LinkCase{"ValidFromDay", kSameConsent, on("2019-03-01"), "permitted"},
        LinkCase{"DayBeforeValidFrom", kSameConsent, on("2019-02-28"), "not_in_force"},
        LinkCase{"ValidToDay", kSameConsent, on("2021-12-31"), "permitted"},
        LinkCase{"DayAfterValidTo", kSameConsent, on("2022-01-01"), "not_in_force"},
        LinkCase{"DayBeforeWithdrawal", withdrawnAt("2020-01-16"), kSameQuestion, "permitted"},
        LinkCase{"WithdrawalDay", withdrawnAt("2020-01-15"), kSameQuestion, "withdrawn"},
        LinkCase{"OpenValidToUntilWindowEnd", [](Consent& c) { c.validTo.reset(); },
                 on("2021-06-30"), "permitted"},
        LinkCase{"OpenValidToDayAfterWindowEnd", [](Consent& c) { c.validTo.reset(); },
                 on("2021-07-01"), "not_in_force"},
        LinkCase{"Draft", [](Consent& c) { c.status = ConsentStatus::kDraft; }, kSameQuestion,
                 "status_not_active"},
        LinkCase{"Rejected", [](Consent& c) { c.status = ConsentStatus::kRejected; }, kSameQuestion,
                 "status_not_active"},
        LinkCase{"EnteredInError", [](Consent& c) { c.status = ConsentStatus::kEnteredInError; },
                 kSameQuestion, "status_not_active"}),
    [](const auto& info) { return info.param.name; });

// Participation 2019-04-01 – 2020-06-30: window [2009-04-01, 2021-06-30].
INSTANTIATE_TEST_SUITE_P(
    Window, MayLinkTest,
    ::testing::Values(
        LinkCase{"HistoryTenYearsBeforeStart", kSameConsent, recordA("2009-04-01"), "permitted"},
        LinkCase{"HistoryTenYearsAndADayBefore", kSameConsent, recordA("2009-03-31"),
                 "outside_follow_up_window"},
        LinkCase{"TwelveMonthsAfterEnd", kSameConsent, recordB("2021-06-30"), "permitted"},
        LinkCase{"TwelveMonthsAndADayAfterEnd", kSameConsent, recordB("2021-07-01"),
                 "outside_follow_up_window"}),
    [](const auto& info) { return info.param.name; });

INSTANTIATE_TEST_SUITE_P(
    Content, MayLinkTest,
    ::testing::Values(LinkCase{"PartyNotNamed", [](Consent& c) { c.parties.erase("fk"); },
                               kSameQuestion, "party_not_named"},
                      LinkCase{"ForbundIsAlwaysAParty", [](Consent& c) { c.parties = {"af"}; },
                               [](LinkQuestion& q) { q.orgB = "forbund-sthlm"; }, "permitted"},
                      LinkCase{"AnotherForbundIsNot", kSameConsent,
                               [](LinkQuestion& q) { q.orgB = "forbund-malmo"; },
                               "party_not_named"},
                      LinkCase{"HealthNotConsented", kSameConsent,
                               [](LinkQuestion& q) { q.categoryB = "halsa"; },
                               "category_not_covered"},
                      LinkCase{"HealthConsented", [](Consent& c) { c.categories.insert("halsa"); },
                               [](LinkQuestion& q) { q.categoryB = "halsa"; }, "permitted"},
                      LinkCase{"PurposeMissing", [](Consent& c) { c.purposes = {"samordning"}; },
                               kSameQuestion, "purpose_not_covered"},
                      LinkCase{"OtherPurposeNamed", [](Consent& c) { c.purposes = {"samordning"}; },
                               [](LinkQuestion& q) { q.purpose = "samordning"; }, "permitted"}),
    [](const auto& info) { return info.param.name; });

INSTANTIATE_TEST_SUITE_P(
    Scope, MayLinkTest,
    ::testing::Values(
        LinkCase{"ForbundScopeCoversEveryInsats", scope(""), kSameQuestion, "permitted"},
        LinkCase{"ItsOwnInsats", scope("INS-7"), kSameQuestion, "permitted"},
        LinkCase{"AnotherInsats", scope("INS-9"), kSameQuestion, "scope_other_insats"},
        LinkCase{"CitedForAnotherInsats", [](Consent& c) { c.scopeInsats = "INS-9"; },
                 kSameQuestion, "scope_other_insats"}),
    [](const auto& info) { return info.param.name; });

TEST(MayLink, AnOngoingParticipationKeepsLaterRecordsInTheWindow) {
    Participation p = fixtures::participation();
    p.end.reset();
    LinkQuestion q = fixtures::question();
    q.recordDateB = d("2021-07-01");
    EXPECT_EQ(mayLink({fixtures::permit()}, q, {p}, WindowConfig{}).rule, "permitted");
}

TEST(MayLink, NoConsentNoLink) {
    const LinkDecision decision =
        mayLink({}, fixtures::question(), {fixtures::participation()}, WindowConfig{});
    EXPECT_FALSE(decision.allowed);
    EXPECT_EQ(decision.rule, "no_consent");
    EXPECT_TRUE(decision.consentKey.empty());
}

TEST(MayLink, RecordsOfOneOrganisationNeedNoConsent) {
    LinkQuestion q = fixtures::question();
    q.orgB = "af";
    const LinkDecision decision = mayLink({}, q, {}, WindowConfig{});
    EXPECT_TRUE(decision.allowed);
    EXPECT_EQ(decision.rule, "same_organisation");
}

TEST(MayLink, AProtectedPersonIsNeverLinked) {
    LinkQuestion q = fixtures::question();
    q.protectedIdentity = true;
    const LinkDecision decision =
        mayLink({fixtures::permit()}, q, {fixtures::participation()}, WindowConfig{});
    EXPECT_FALSE(decision.allowed);
    EXPECT_EQ(decision.rule, "protected_identity");
}

TEST(MayLink, BothRecordsMustFallInTheWindowOfOneParticipation) {
    // D-1 window [2009-04-01, 2021-06-30], D-2 window [2015-01-01, 2026-06-30]: neither
    // holds both 2010-01-01 and 2026-01-01.
    Participation later = fixtures::participation();
    later.key = "forbund-sthlm/D-2";
    later.start = d("2025-01-01");
    later.end = d("2025-06-30");
    LinkQuestion q = fixtures::question();
    q.recordDateA = d("2010-01-01");
    q.recordDateB = d("2026-01-01");
    Consent consent = fixtures::permit();
    consent.validTo.reset();
    EXPECT_EQ(mayLink({consent}, q, {fixtures::participation(), later}, WindowConfig{}).rule,
              "outside_follow_up_window");
    q.recordDateA = d("2016-01-01");
    EXPECT_EQ(mayLink({consent}, q, {fixtures::participation(), later}, WindowConfig{}).rule,
              "permitted");
}

// ---- deny over permit ---------------------------------------------------------------------------

struct DenyCase {
    std::string name;
    std::function<void(Consent&)> deny;
    std::function<void(LinkQuestion&)> question;
    std::string rule;
};

/// Names the case in failure messages instead of a byte dump.
void PrintTo(const DenyCase& c, std::ostream* out) {
    *out << c.name;
}

class DenyTest : public ::testing::TestWithParam<DenyCase> {};

// The permit also covers halsa here, so only the deny can refuse.
TEST_P(DenyTest, ADenyInForceThatMatchesWinsOverThePermit) {
    const DenyCase& c = GetParam();
    Consent permit = fixtures::permit();
    permit.categories.insert("halsa");
    Consent deny = fixtures::deny();
    c.deny(deny);
    LinkQuestion q = fixtures::question();
    c.question(q);
    const LinkDecision decision =
        mayLink({permit, deny}, q, {fixtures::participation()}, WindowConfig{});
    EXPECT_EQ(decision.rule, c.rule) << decision.detail;
    EXPECT_EQ(decision.consentKey, c.rule == "denied" ? deny.key : permit.key);
}

const auto kAnyDeny = [](Consent&) {};
const auto kHealthDeny = [](Consent& c) { c.categories = {"halsa"}; };

INSTANTIATE_TEST_SUITE_P(
    Table, DenyTest,
    ::testing::Values(
        DenyCase{"DenyOfEverything", kAnyDeny, kSameQuestion, "denied"},
        DenyCase{"NamesOneOfTheParties", [](Consent& c) { c.parties = {"fk"}; }, kSameQuestion,
                 "denied"},
        DenyCase{"NamesNeitherParty", [](Consent& c) { c.parties = {"kommun-0180"}; },
                 kSameQuestion, "permitted"},
        DenyCase{"HealthDenyOnHealthRecord", kHealthDeny,
                 [](LinkQuestion& q) { q.categoryA = "halsa"; }, "denied"},
        DenyCase{"HealthDenyOnBenefitRecords", kHealthDeny, kSameQuestion, "permitted"},
        DenyCase{"PurposeDenied", [](Consent& c) { c.purposes = {"uppfoljning"}; }, kSameQuestion,
                 "denied"},
        DenyCase{"OtherPurposeDenied", [](Consent& c) { c.purposes = {"samordning"}; },
                 kSameQuestion, "permitted"},
        DenyCase{"DenyNotYetInForce", [](Consent& c) { c.validFrom = d("2020-01-16"); },
                 kSameQuestion, "permitted"},
        DenyCase{"DenyWithdrawn", [](Consent& c) { c.withdrawnAt = d("2020-01-15"); },
                 kSameQuestion, "permitted"},
        DenyCase{"DenyInDraft", [](Consent& c) { c.status = ConsentStatus::kDraft; }, kSameQuestion,
                 "permitted"},
        DenyCase{"DenyIgnoresTheWindow", kAnyDeny,
                 [](LinkQuestion& q) { q.recordDateA = d("1990-01-01"); }, "denied"}),
    [](const auto& info) { return info.param.name; });

TEST(MayLink, DeniesOnlyConsentsWithoutPermitAreNoConsent) {
    Consent deny = fixtures::deny();
    deny.parties = {"kommun-0180"};
    EXPECT_EQ(
        mayLink({deny}, fixtures::question(), {fixtures::participation()}, WindowConfig{}).rule,
        "no_consent");
}

// ---- several consents ---------------------------------------------------------------------------

TEST(MayLink, AnyPermitThatAllowsIsEnough) {
    Consent expired = fixtures::permit();
    expired.key = "forbund-sthlm/SAM-2017-0001";
    expired.validFrom = d("2017-01-01");
    expired.validTo = d("2017-12-31");
    const LinkDecision decision = mayLink({expired, fixtures::permit()}, fixtures::question(),
                                          {fixtures::participation()}, WindowConfig{});
    EXPECT_TRUE(decision.allowed);
    EXPECT_EQ(decision.consentKey, "forbund-sthlm/SAM-2019-0002");
}

TEST(MayLink, ReportsThePermitThatGotFurthest) {
    Consent withdrawn = fixtures::permit();
    withdrawn.key = "forbund-sthlm/SAM-2018-0001";
    withdrawn.withdrawnAt = d("2019-12-01");
    Consent noFk = fixtures::permit();
    noFk.key = "forbund-sthlm/SAM-2019-0002";
    noFk.parties = {"af"};
    Consent draft = fixtures::permit();
    draft.key = "forbund-sthlm/SAM-2019-0003";
    draft.status = ConsentStatus::kDraft;
    const LinkDecision decision = mayLink({draft, noFk, withdrawn}, fixtures::question(),
                                          {fixtures::participation()}, WindowConfig{});
    EXPECT_EQ(decision.rule, "party_not_named");
    EXPECT_EQ(decision.consentKey, "forbund-sthlm/SAM-2019-0002");
    EXPECT_NE(decision.detail.find("fk"), std::string::npos) << decision.detail;
}

TEST(MayLink, WithdrawnIsMoreInformativeThanExpired) {
    Consent expired = fixtures::permit();
    expired.key = "forbund-sthlm/A";
    expired.validTo = d("2019-12-31");
    Consent withdrawn = fixtures::permit();
    withdrawn.key = "forbund-sthlm/B";
    withdrawn.withdrawnAt = d("2020-01-01");
    const LinkDecision decision = mayLink({expired, withdrawn}, fixtures::question(),
                                          {fixtures::participation()}, WindowConfig{});
    EXPECT_EQ(decision.rule, "withdrawn");
    EXPECT_EQ(decision.consentKey, "forbund-sthlm/B");
}

TEST(MayLink, EqualReasonsGoToTheSmallestConsentKey) {
    Consent b = fixtures::permit();
    b.key = "forbund-sthlm/B";
    b.purposes.clear();
    Consent a = b;
    a.key = "forbund-sthlm/A";
    const LinkDecision decision =
        mayLink({b, a}, fixtures::question(), {fixtures::participation()}, WindowConfig{});
    EXPECT_EQ(decision.rule, "purpose_not_covered");
    EXPECT_EQ(decision.consentKey, "forbund-sthlm/A");
}

TEST(MayLink, TheDetailNamesDatesAndIds) {
    LinkQuestion q = fixtures::question();
    q.recordDateA = d("2009-03-31");
    const LinkDecision decision =
        mayLink({fixtures::permit()}, q, {fixtures::participation()}, WindowConfig{});
    EXPECT_NE(decision.detail.find("2009-03-31"), std::string::npos) << decision.detail;
    EXPECT_NE(decision.detail.find("forbund-sthlm/D-1 [2009-04-01, 2021-06-30]"), std::string::npos)
        << decision.detail;
}

}  // namespace
}  // namespace finsam::consent
