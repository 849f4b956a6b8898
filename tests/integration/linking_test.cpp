// tests/integration/linking_test.cpp — a small world across three sources with known truth: who is linked to
// whom, who stays apart and why, and what a consumer replaying the feed ends up with after a withdrawal.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "core/common/clock.h"
#include "core/consent/consent_gate.h"
#include "core/consent/consent_policy.h"
#include "core/feed/feed_reader.h"
#include "core/identity/identity_stage.h"
#include "core/identity/redactor.h"
#include "core/link/eligibility.h"
#include "core/link/person_explainer.h"
#include "core/normalise/normaliser.h"
#include "core/pipeline/batch_applier.h"
#include "core/store/audit_log.h"
#include "core/store/store_stats.h"
#include "core/validate/validator.h"
#include "tests/support/leak_scan.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

// Generated numbers with valid check digits; none is a real person's.
constexpr const char* kConsenting = "19850312-1231";      // consents to af, fk, kommun: linked to AF and FK
constexpr const char* kNoConsent = "19900704-5678";       // anonymous at the förbund: never linked
constexpr const char* kOnlyAf = "19760218-2342";          // consent names af only: FK refused
constexpr const char* kWithdrawing = "19881130-3455";     // consent withdrawn in the second delivery
constexpr const char* kNoBenefitData = "19930505-4562";   // consent without category ersattning

sdk::Field field(const char* name, const std::string& value) { return {name, value, 1}; }

sdk::Record deltagande(const std::string& key, const std::string& number, const std::string& consent) {
    sdk::Record record{"deltagande", key, sdk::Operation::kUpsert,
                       {field("insats_id", "FB-1"), field("startdatum", "2026-06-01")},
                       {"deltaganden.csv", 2}, key};
    record.fields.push_back(field("personnummer", number));
    if (!consent.empty()) {
        record.fields.push_back(field("samtycke_ref", consent));
    }
    return record;
}

sdk::Record samtycke(const std::string& key, const std::string& number, std::vector<std::string> parties,
                     std::vector<std::string> categories, const std::string& withdrawn = "") {
    sdk::Record record{"samtycke", key, sdk::Operation::kUpsert,
                       {field("personnummer", number), field("galler_forbund", "true"),
                        field("giltigt_fran", "2026-05-20"), field("andamal", "uppfoljning")},
                       {"samtycken.csv", 2}, key};
    for (const auto& party : parties) {
        record.fields.push_back(field("parter", party));
    }
    for (const auto& category : categories) {
        record.fields.push_back(field("kategorier", category));
    }
    if (!withdrawn.empty()) {
        record.fields.push_back(field("aterkallat", withdrawn));
    }
    return record;
}

sdk::Record benefitPeriod(const std::string& key, const std::string& number) {
    return {"ersattningsperiod", key, sdk::Operation::kUpsert,
            {field("personnummer", number), field("ersattningstyp", "sjukpenning"), field("from_datum", "2025-03-01"),
             field("tom_datum", "2026-09-30")},
            {"export", 1}, key};
}

class LinkingTest : public ::testing::TestWithParam<TestBackend> {
protected:
    LinkingTest() : store_(GetParam()), database_(store_.open()), pseudonymizer_({"t1", std::string(32, 's')}) {
        std::vector<std::unique_ptr<model::RecordStage>> stages;
        stages.push_back(std::make_unique<normalise::Normaliser>(normalise::CodeMapping{}));
        stages.push_back(std::make_unique<validate::Validator>());
        stages.push_back(std::make_unique<identity::IdentityStage>(pseudonymizer_));
        stages.push_back(std::make_unique<consent::ConsentGate>());
        pipeline_ = std::make_unique<pipeline::Pipeline>(std::move(stages));
    }

    void deliver(const std::string& organisation, std::vector<sdk::Record> records) {
        pipeline::BatchCollector batch;
        for (auto& record : records) {
            batch.accept(std::move(record));
        }
        pipeline::BatchApplier(*database_, *pipeline_, {organisation + "-conn", organisation})
            .apply(batch, "cp", "2026-01-01T00:00:00.000Z");
    }

    void forbundDelivery(const std::string& withdrawal) {
        deliver("forbund-x",
                {deltagande("D-1", kConsenting, "S-1"), deltagande("D-2", kNoConsent, ""),
                 deltagande("D-3", kOnlyAf, "S-3"), deltagande("D-4", kWithdrawing, "S-4"),
                 deltagande("D-5", kNoBenefitData, "S-5"),
                 samtycke("S-1", kConsenting, {"af", "fk", "kommun-0180"}, {"identitet", "deltagande", "ersattning"}),
                 samtycke("S-3", kOnlyAf, {"af"}, {"identitet", "deltagande", "ersattning"}),
                 samtycke("S-4", kWithdrawing, {"af", "fk"}, {"identitet", "deltagande", "ersattning"}, withdrawal),
                 samtycke("S-5", kNoBenefitData, {"af", "fk"}, {"identitet", "deltagande"})});
    }

    long long count(const std::string& sql) {
        long long value = 0;
        database_->session() << sql, soci::into(value);
        return value;
    }

    TestStore store_;
    std::unique_ptr<store::Database> database_;
    identity::Pseudonymizer pseudonymizer_;
    std::unique_ptr<pipeline::Pipeline> pipeline_;
};

TEST_P(LinkingTest, LinksOnlyWhereConsentAllowsAndDissolvesOnWithdrawal) {
    deliver("fk", {benefitPeriod("P-1", kConsenting), benefitPeriod("P-2", kNoConsent), benefitPeriod("P-3", kOnlyAf),
                   benefitPeriod("P-4", kWithdrawing), benefitPeriod("P-5", kNoBenefitData)});
    deliver("af", {benefitPeriod("A-1", kConsenting), benefitPeriod("A-3", kOnlyAf)});
    forbundDelivery("");

    auto stats = store::readStats(*database_);
    EXPECT_EQ(stats.persons, 4 + 5 + 2) << "förbund (one anonymous), FK and AF persons stay organisation-scoped";
    EXPECT_EQ(stats.anonymousDeltaganden, 1);
    // consenting: förbund↔fk, förbund↔af, af↔fk; only-af: förbund↔af; withdrawing: förbund↔fk.
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 5);
    // only-af: förbund↔fk and af↔fk name a party the consent does not; no-benefit-data lacks ersattning.
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'refuse' AND rule = 'party_not_named'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'refuse' AND rule = 'category_not_covered'"), 1);
    // Plus the two af↔fk pairs refused for no_consent when AF delivered before the förbund's register.
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'refuse' AND rule = 'no_consent'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'refuse'"), 5);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event WHERE type = 'person.linked'"), 5);
    EXPECT_EQ(stats.deltaganden, 5);
    // 11 person.upserted, 5 ersattning.upserted (FK) + 2 (AF), 5 deltagande.started, 4 samtycke.changed, 5 links.
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event"), 11 + 7 + 5 + 4 + 5);
    // The SUS rule: an anonymous participation counts once in each calendar year it is active.
    std::map<int, int> anonymousPerYear;
    soci::rowset<soci::row> anonymous = (database_->session().prepare
                                         << "SELECT entity_key, insats_id, organisation, startdatum, slutdatum "
                                            "FROM deltagande WHERE anonymous = 1 AND state = 'active'");
    for (const auto& row : anonymous) {
        consent::Participation participation{row.get<std::string>(0), row.get<std::string>(1),
                                             row.get<std::string>(2),
                                             *common::parseIsoDate(row.get<std::string>(3)), std::nullopt, ""};
        for (int year : consent::countedYears(participation, *common::parseIsoDate("2027-12-31"))) {
            ++anonymousPerYear[year];
        }
    }
    EXPECT_EQ(anonymousPerYear, (std::map<int, int>{{2026, 1}, {2027, 1}})) << "ongoing since 2026-06-01";

    // Explain answers "why are these two not joined?" for the only-af person, without any identity.
    std::string onlyAfPerson;
    database_->session() << "SELECT person_key FROM deltagande WHERE entity_key = 'forbund-x/D-3'",
        soci::into(onlyAfPerson);
    auto explained = link::PersonExplainer(*database_).explain(onlyAfPerson);
    ASSERT_TRUE(explained.has_value());
    rapidjson::Document document;
    document.Parse(explained->c_str());
    ASSERT_FALSE(document.HasParseError());
    EXPECT_EQ(document["links"].Size(), 1u) << "linked to AF";
    bool refusedFk = false;
    for (const auto& entry : document["audit"].GetArray()) {
        refusedFk |= std::string(entry["action"].GetString()) == "refuse" &&
                     std::string(entry["rule"].GetString()) == "party_not_named";
    }
    EXPECT_TRUE(refusedFk) << *explained;
    EXPECT_FALSE(identity::containsIdentityLike(*explained)) << *explained;
    EXPECT_FALSE(link::PersonExplainer(*database_).explain("no-such-person").has_value());

    // Eligibility is a cross-organisation fact: answerable only through links.
    auto personOf = [&](const std::string& sql) {
        std::string key;
        database_->session() << sql, soci::into(key);
        return key;
    };
    const std::string consenting = personOf("SELECT person_key FROM deltagande WHERE entity_key = 'forbund-x/D-1'");
    EXPECT_EQ(link::aktuellHos(*database_, consenting, "2026-07-01"),
              (std::set<std::string>{"af", "fk", "forbund-x"}));
    EXPECT_EQ(link::aktuellHos(*database_, onlyAfPerson, "2026-07-01"), (std::set<std::string>{"af", "forbund-x"}));
    EXPECT_EQ(link::aktuellHos(*database_, consenting, "2026-05-01"), (std::set<std::string>{})) << "before links";
    const std::string noConsentFk = personOf("SELECT person_key FROM ersattningsperiod WHERE entity_key = 'fk/P-2'");
    EXPECT_FALSE(link::eligible(link::aktuellHos(*database_, noConsentFk, "2026-07-01")));

    // The same deliveries again decide nothing new: no audit spam, no events.
    const auto audited = count("SELECT COUNT(*) FROM audit_log");
    const auto events = count("SELECT COUNT(*) FROM feed_event");
    forbundDelivery("");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audited);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event"), events);

    forbundDelivery("2026-10-01");
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 4);
    std::string validTo;
    database_->session() << "SELECT valid_to FROM person_link WHERE state = 'dissolved'", soci::into(validTo);
    EXPECT_EQ(validTo, "2026-09-30") << "a withdrawal ends the link the day before it";
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'unlink' AND rule = 'withdrawn'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM samtycke_version"), 5) << "four first versions and the withdrawal";
    std::string end, reason;
    database_->session() << "SELECT slutdatum, avslutsanledning FROM deltagande WHERE entity_key = 'forbund-x/D-4'",
        soci::into(end), soci::into(reason);
    EXPECT_EQ(end, "2026-10-01");
    EXPECT_EQ(reason, "samtycke_aterkallat") << "a withdrawal ends the participation with its own reason";
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event WHERE type = 'deltagande.ended' "
                    "AND entity_key = 'forbund-x/D-4'"), 1);

    // A consumer replaying the whole feed and applying unlinks holds no link for the withdrawing person.
    std::set<std::string> links;
    for (const auto& event : feed::FeedReader(*database_).read(0, 100000)) {
        if (event.type == "person.linked") {
            links.insert(event.entityKey);
        } else if (event.type == "person.unlinked") {
            links.erase(event.entityKey);
        }
    }
    EXPECT_EQ(links.size(), 4u);

    // Audit, consent versions, links and explain hold no clear identity of the world.
    std::set<std::string> numbers;
    for (const char* number : {kConsenting, kNoConsent, kOnlyAf, kWithdrawing, kNoBenefitData}) {
        numbers.insert(std::string(number).erase(8, 1));
    }
    EXPECT_EQ(leakedNumbers(numbers, store_.dumpAllTables() + *explained), std::vector<std::string>{});
    std::string withdrawnPair;
    database_->session() << "SELECT person_a || '+' || person_b FROM person_link WHERE state = 'dissolved'",
        soci::into(withdrawnPair);
    EXPECT_EQ(links.count(withdrawnPair), 0u);
}

TEST_P(LinkingTest, ProtectedIdentityLaterAnonymisesEverywhereAndStaysAnonymous) {
    deliver("fk", {benefitPeriod("P-1", kConsenting)});
    forbundDelivery("");
    ASSERT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 1) << "consenting↔fk";
    const auto personsBefore = count("SELECT COUNT(*) FROM person WHERE protected = 0");

    auto marked = benefitPeriod("P-9", kConsenting);
    marked.fields.push_back(field("skyddad", "true"));
    deliver("kommun-0180", {marked});

    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event WHERE type = 'person.unlinked'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person WHERE protected = 1"), 2) << "the förbund's and FK's person";
    EXPECT_EQ(count("SELECT COUNT(*) FROM person WHERE protected = 0"), personsBefore - 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM link_key l JOIN person p ON p.person_key = l.person_key "
                    "WHERE p.protected = 1"), 0) << "link keys erased";
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'forbund-x/D-1' AND anonymous = 1 "
                    "AND person_key IS NULL"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event WHERE type = 'person.retracted'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'erase'"), 2);

    // The förbund, unaware, delivers the person identified again: they arrive anonymous and nothing flaps.
    const auto events = count("SELECT COUNT(*) FROM feed_event");
    forbundDelivery("");
    deliver("fk", {benefitPeriod("P-1", kConsenting)});
    EXPECT_EQ(count("SELECT COUNT(*) FROM person WHERE protected = 0"), personsBefore - 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event"), events);
}

INSTANTIATE_TEST_SUITE_P(Backends, LinkingTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
