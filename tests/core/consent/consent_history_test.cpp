// tests/core/consent/consent_history_test.cpp — a link on D is judged by the consent of D.
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/consent_policy.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "tests/core/consent/consent_fixtures.h"

namespace finsam::consent {
namespace {

using fixtures::d;

Consent version(const std::string& name) {
    Consent consent = fixtures::permit();
    consent.personKey = name;  // marks the version so tests can tell which one asOf returned
    return consent;
}

/// Out of order on purpose; v1 has milliseconds, v2 is July 1 in Sweden but June 30 in UTC.
ConsentHistory history() {
    return ConsentHistory{{{"2020-06-30T22:30:00Z", version("v2")},
                           {"2019-03-01T09:00:00Z", version("v0")},
                           {"2020-02-01T10:00:00.5Z", version("v1")}}};
}

struct AsOfCase {
    std::string at;
    std::string expected;  ///< version name, or "" for none
};

/// Names the case in failure messages instead of a byte dump.
void PrintTo(const AsOfCase& c, std::ostream* out) {
    *out << c.at;
}

class AsOfTest : public ::testing::TestWithParam<AsOfCase> {};

TEST_P(AsOfTest, ReturnsTheLatestVersionRecordedOnOrBefore) {
    const ConsentHistory h = history();
    const Consent* found = asOf(h, GetParam().at);
    EXPECT_EQ(found == nullptr ? std::string() : found->personKey, GetParam().expected)
        << GetParam().at;
}

INSTANTIATE_TEST_SUITE_P(
    Table, AsOfTest,
    ::testing::Values(AsOfCase{"2019-02-28", ""},                // before the first version
                      AsOfCase{"2019-03-01", "v0"},              // a date means the end of that day
                      AsOfCase{"2019-03-01T08:59:59.999Z", ""},  // a millisecond before
                      AsOfCase{"2019-03-01T09:00:00Z", "v0"},  // recorded at that instant: included
                      AsOfCase{"2020-02-01T10:00:00Z", "v0"},  // as strings "…00Z" > "…00.5Z"
                      AsOfCase{"2020-02-01T10:00:00.500Z", "v1"},   // same instant, other spelling
                      AsOfCase{"2020-02-01T11:00:00+01:00", "v0"},  // 10:00Z
                      AsOfCase{"2020-02-01T11:00:01+01:00", "v1"},  // 10:00:01Z
                      AsOfCase{"2020-02-01", "v1"},                 //
                      AsOfCase{"2020-06-30", "v1"},  // v2 was recorded on July 1, Swedish time
                      AsOfCase{"2020-07-01", "v2"},  //
                      AsOfCase{"2020-06-30T22:30:00Z", "v2"},  //
                      AsOfCase{"2020-06-30T22:29", "v1"},      // no seconds, no zone = UTC
                      AsOfCase{"not a date", ""},              //
                      AsOfCase{"2020-07-01T25:00:00Z", ""}));

TEST(AsOf, ADateRecordedAtStartsAtSwedishMidnight) {
    // 2021-01-01 00:00 in Stockholm (winter time) is 2020-12-31T23:00Z.
    const ConsentHistory h{{{"2021-01-01", version("v0")}}};
    EXPECT_EQ(asOf(h, "2020-12-31T22:59:59Z"), nullptr);
    ASSERT_NE(asOf(h, "2020-12-31T23:00:00Z"), nullptr);
    EXPECT_EQ(asOf(h, "2020-12-31"), nullptr);
    EXPECT_NE(asOf(h, "2021-01-01"), nullptr);
}

TEST(AsOf, TheEndOfASummerDayIsTwoHoursBeforeUtcMidnight) {
    const ConsentHistory h{
        {{"2020-08-01T21:59:59Z", version("early")}, {"2020-08-01T22:00:00Z", version("late")}}};
    EXPECT_EQ(asOf(h, "2020-08-01")->personKey, "early");
    EXPECT_EQ(asOf(h, "2020-08-02")->personKey, "late");
}

TEST(AsOf, EqualTimestampsGoToTheLaterVersionInTheList) {
    const ConsentHistory h{
        {{"2020-01-01T00:00:00Z", version("first")}, {"2020-01-01T00:00:00Z", version("second")}}};
    EXPECT_EQ(asOf(h, "2020-01-02")->personKey, "second");
}

TEST(AsOf, MalformedVersionsAreSkipped) {
    const ConsentHistory h{
        {{"2019-01-01T00:00:00Z", version("good")}, {"yesterday", version("bad")}}};
    EXPECT_EQ(asOf(h, "2020-01-01")->personKey, "good");
}

TEST(ConsentsAsOf, LeavesOutConsentsNotYetRecorded) {
    ConsentHistory later{{{"2021-01-01T00:00:00Z", version("later")}}};
    const std::vector<Consent> consents = consentsAsOf({history(), later}, "2020-03-01");
    ASSERT_EQ(consents.size(), 1U);
    EXPECT_EQ(consents.front().personKey, "v1");
}

TEST(ConsentsAsOf, AnswersWasThisLinkAllowedOnD) {
    // Recorded 2019-03-01 without FK; FK was added by a new version on 2020-02-01.
    Consent first = fixtures::permit();
    first.parties.erase("fk");
    const ConsentHistory h{
        {{"2019-03-01T09:00:00Z", first}, {"2020-02-01T10:00:00Z", fixtures::permit()}}};
    LinkQuestion q = fixtures::question();
    q.date = d("2020-01-31");
    EXPECT_EQ(
        mayLink(consentsAsOf({h}, "2020-01-31"), q, {fixtures::participation()}, WindowConfig{})
            .rule,
        "party_not_named");
    q.date = d("2020-02-01");
    EXPECT_EQ(
        mayLink(consentsAsOf({h}, "2020-02-01"), q, {fixtures::participation()}, WindowConfig{})
            .rule,
        "permitted");
}

TEST(ConsentsAsOf, AWithdrawalRecordedLaterDoesNotChangeThePast) {
    Consent withdrawn = fixtures::permit();
    withdrawn.withdrawnAt = d("2020-09-01");
    const ConsentHistory h{
        {{"2019-03-01T09:00:00Z", fixtures::permit()}, {"2020-09-01T08:00:00Z", withdrawn}}};
    LinkQuestion q = fixtures::question();
    q.date = d("2020-08-31");
    EXPECT_EQ(
        mayLink(consentsAsOf({h}, "2020-08-31"), q, {fixtures::participation()}, WindowConfig{})
            .rule,
        "permitted");
    q.date = d("2020-09-01");
    EXPECT_EQ(
        mayLink(consentsAsOf({h}, "2020-09-01"), q, {fixtures::participation()}, WindowConfig{})
            .rule,
        "withdrawn");
}

TEST(ConsentsStoodOn, AConsentLearntOfLaterIsJudgedByItsFirstVersion) {
    // The register was loaded in 2021; the consent it carries was signed in 2019 and later narrowed.
    Consent narrowed = fixtures::permit();
    narrowed.parties.erase("fk");
    const ConsentHistory h{
        {{"2021-06-01T08:00:00Z", fixtures::permit()}, {"2022-01-10T08:00:00Z", narrowed}}};
    ASSERT_TRUE(consentsAsOf({h}, "2020-03-01").empty()) << "nothing was recorded by then";
    const std::vector<Consent> before = consentsStoodOn({h}, "2020-03-01");
    ASSERT_EQ(before.size(), 1U);
    EXPECT_EQ(before.front().parties.count("fk"), 1U) << "the first version, not today's";
    const std::vector<Consent> after = consentsStoodOn({h}, "2022-01-10");
    ASSERT_EQ(after.size(), 1U);
    EXPECT_EQ(after.front().parties.count("fk"), 0U);
    EXPECT_TRUE(consentsStoodOn({ConsentHistory{}}, "2020-03-01").empty());
}

}  // namespace
}  // namespace finsam::consent
