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
#include "core/link/link_engine.h"
#include "core/link/person_explainer.h"
#include "core/normalise/normaliser.h"
#include "core/pipeline/batch_applier.h"
#include "core/store/audit_log.h"
#include "core/store/link_key_rekey.h"
#include "core/store/store_stats.h"
#include "core/store/row_text.h"
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

    void deliver(const std::string& organisation, std::vector<sdk::Record> records,
                 const pipeline::ApplySettings& settings = {}, bool snapshot = false) {
        pipeline::BatchCollector batch;
        for (auto& record : records) {
            batch.accept(std::move(record));
        }
        if (snapshot) {
            batch.snapshotComplete("deltagande");
        }
        pipeline::BatchApplier(*database_, *pipeline_, {organisation + "-conn", organisation}, settings)
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
    // "Was this link allowed on D?" is answered from the consent as it stood then.
    std::string withdrawing, withdrawingFk;
    database_->session() << "SELECT person_key FROM deltagande WHERE entity_key = 'forbund-x/D-4'",
        soci::into(withdrawing);
    database_->session() << "SELECT person_key FROM ersattningsperiod WHERE entity_key = 'fk/P-4'",
        soci::into(withdrawingFk);
    link::LinkEngine engine(*database_, consent::WindowConfig{});
    EXPECT_TRUE(engine.allowedOn(withdrawing, withdrawingFk, "2026-09-30").allowed);
    // The withdrawal was recorded today: from today the past answer is "withdrawn" (a withdrawal recorded
    // later never rewrites what the hub was allowed to do before it knew).
    EXPECT_EQ(engine.allowedOn(withdrawing, withdrawingFk, consent::formatIsoDate(common::todayInSweden())).rule,
              "withdrawn");
    EXPECT_EQ(engine.allowedOn(withdrawing, withdrawingFk, "2026-05-19").rule, "not_in_force");
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

// The huvudman (AF) reports participations the förbund's register also holds: each is one deltagande.
sdk::Record report(const std::string& key, const std::string& number, const std::string& consent,
                   std::vector<std::pair<const char*, std::string>> fields) {
    sdk::Record record = deltagande(key, number, consent);
    for (const auto& [name, value] : fields) {
        record.fields.push_back(field(name, value));
    }
    return record;
}

TEST_P(LinkingTest, DuplicateReportsAreOneDeltagandeWithLineageAndRecordedConflicts) {
    constexpr const char* kAnonymousTwin = "19900704-5694";  // same kön and födelseår as kNoConsent
    sdk::Record consent = samtycke("S-1", kConsenting, {"af"}, {"identitet", "deltagande", "ersattning"});
    consent.fields.push_back(field("blankett", "FK9443-2026-000001"));
    auto forbund = [&](bool withAnonymous) {
        std::vector<sdk::Record> records = {
            report("D-1", kConsenting, "S-1", {{"avslutsanledning", "studier"}, {"slutdatum", "2026-09-30"}}),
            report("D-3", kOnlyAf, "", {{"kon", "man"}, {"fodelsear", "1976"}}),
            report("D-4", kWithdrawing, "", {{"kon", "man"}, {"fodelsear", "1976"}}), consent};
        if (withAnonymous) {
            records.push_back(report("D-2", kNoConsent, "", {{"kon", "man"}, {"fodelsear", "1990"}}));
        }
        return records;
    };
    deliver("forbund-x", forbund(true), {}, true);
    // AF cites the signed form; the other reports are anonymous at AF too. A-3 matches two förbund reports by
    // kön and födelseår: ambiguous, so it merges with neither.
    std::vector<sdk::Record> af = {
        report("A-1", kConsenting, "FK9443-2026-000001",
               {{"avslutsanledning", "arbete"}, {"slutdatum", "2026-09-30"}, {"sysselsattning_fore", "arbetssokande"}}),
        report("A-2", kAnonymousTwin, "", {{"kon", "man"}, {"fodelsear", "1990"}}),
        report("A-3", kOnlyAf, "", {{"kon", "man"}, {"fodelsear", "1976"}})};
    deliver("af", af, {}, true);

    auto stats = store::readStats(*database_);
    EXPECT_EQ(stats.deltaganden, 5) << "D-1+A-1 and D-2+A-2 are one each; A-3 stays apart (ambiguous)";
    EXPECT_EQ(stats.duplicateReports, 2);
    EXPECT_EQ(stats.anonymousDeltaganden, 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'af/A-1' AND duplicate_of = 'forbund-x/D-1'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'af/A-2' AND duplicate_of = 'forbund-x/D-2'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event WHERE type = 'deltagande.merged'"), 2);
    // The register wins by default; the huvudman fills what the register lacks; the disagreement is on record.
    std::string reason, before;
    database_->session() << "SELECT avslutsanledning, sysselsattning_fore FROM deltagande "
                            "WHERE entity_key = 'forbund-x/D-1'",
        soci::into(reason), soci::into(before);
    EXPECT_EQ(reason, "studier");
    EXPECT_EQ(before, "arbetssokande");
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande_conflict WHERE deltagande_key = 'forbund-x/D-1' AND "
                    "field = 'avslutsanledning' AND kept_value = 'studier' AND other_value = 'arbete' AND "
                    "rule = 'precedence:forbund'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'conflict'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'merge'"), 2);

    // Explain shows the lineage: the canonical deltagande, the report merged into it, the conflict.
    std::string person;
    database_->session() << "SELECT person_key FROM deltagande WHERE entity_key = 'forbund-x/D-1'",
        soci::into(person);
    auto explained = link::PersonExplainer(*database_).explain(person);
    ASSERT_TRUE(explained.has_value());
    rapidjson::Document document;
    document.Parse(explained->c_str());
    ASSERT_FALSE(document.HasParseError());
    bool lineageShown = false;
    for (const auto& record : document["records"].GetArray()) {
        if (std::string(record["key"].GetString()) == "forbund-x/D-1") {
            lineageShown = record["merged_reports"].Size() == 1 &&
                           std::string(record["merged_reports"][0].GetString()) == "af/A-1" &&
                           record["conflicts"].Size() == 1 &&
                           std::string(record["conflicts"][0]["field"].GetString()) == "avslutsanledning";
        }
    }
    EXPECT_TRUE(lineageShown) << *explained;

    // The same deliveries again change nothing.
    const auto events = count("SELECT COUNT(*) FROM feed_event");
    deliver("forbund-x", forbund(true), {}, true);
    deliver("af", af, {}, true);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event"), events);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'conflict'"), 1);

    // Precedence is configurable per field: the huvudman's avslutsanledning wins once AF's report changes.
    pipeline::ApplySettings huvudmanEnds;
    huvudmanEnds.precedence.fields["avslutsanledning"] = {"huvudman", "forbund"};
    af[0].fields.push_back(field("sysselsattning_efter", "arbete"));
    deliver("af", af, huvudmanEnds, true);
    database_->session() << "SELECT avslutsanledning FROM deltagande WHERE entity_key = 'forbund-x/D-1'",
        soci::into(reason);
    EXPECT_EQ(reason, "arbete");
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande_conflict WHERE field = 'avslutsanledning' AND "
                    "kept_key = 'af/A-1' AND rule = 'precedence:huvudman'"),
              1);

    // The register drops D-2: AF's report is the participation again, and its unmerge event carries it whole.
    deliver("forbund-x", forbund(false), {}, true);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event WHERE type = 'deltagande.unmerged' AND "
                    "entity_key = 'af/A-2'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'af/A-2' AND duplicate_of IS NULL"), 1);
    EXPECT_EQ(store::readStats(*database_).deltaganden, 5) << "still counted once, now as AF's report";
    // AF withdraws A-1: D-1 goes back to exactly what the register says, and its conflicts are gone.
    af.erase(af.begin());
    deliver("af", af, {}, true);
    database_->session() << "SELECT avslutsanledning FROM deltagande WHERE entity_key = 'forbund-x/D-1'",
        soci::into(reason);
    EXPECT_EQ(reason, "studier");
    soci::indicator beforeInd = soci::i_ok;
    database_->session() << "SELECT sysselsattning_fore FROM deltagande WHERE entity_key = 'forbund-x/D-1'",
        soci::into(before, beforeInd);
    EXPECT_EQ(beforeInd, soci::i_null);
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande_conflict"), 0);

    // A consumer replaying the feed, dropping merged reports and restoring unmerged ones, counts what the store
    // counts.
    std::map<std::string, bool> counted;
    for (const auto& event : feed::FeedReader(*database_).read(0, 100000)) {
        if (event.type == "deltagande.started" || event.type == "deltagande.ended" ||
            event.type == "deltagande.unmerged") {
            counted[event.entityKey] = true;
        } else if (event.type == "deltagande.merged" || event.type == "deltagande.retracted") {
            counted[event.entityKey] = false;
        }
    }
    EXPECT_EQ(std::count_if(counted.begin(), counted.end(), [](const auto& entry) { return entry.second; }),
              store::readStats(*database_).deltaganden);
}

TEST_P(LinkingTest, AStoredDenyWinsOverAPermitAndADraftIsNeverInForce) {
    deliver("fk", {benefitPeriod("P-1", kConsenting)});
    forbundDelivery("");
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 1) << "förbund and FK";

    // A consent with a status and a decision (as FHIR Consent carries them): a draft permit changes nothing,
    // an active deny of FK's benefit data dissolves the link.
    sdk::Record draft = samtycke("S-8", kConsenting, {"kommun-0180"}, {"identitet", "deltagande"});
    draft.fields.push_back(field("status", "draft"));
    sdk::Record deny = samtycke("S-9", kConsenting, {"fk"}, {"ersattning"});
    deny.fields.push_back(field("status", "active"));
    deny.fields.push_back(field("beslut", "deny"));
    deliver("forbund-x", {draft});
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 1);
    deliver("forbund-x", {deny});
    EXPECT_EQ(count("SELECT COUNT(*) FROM samtycke WHERE beslut = 'deny' AND status = 'active'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'unlink' AND rule = 'denied' AND "
                    "consent_key = 'forbund-x/S-9'"),
              1);
}

TEST_P(LinkingTest, ACitationReadBeforeItsConsentIsHeldThenPlacedIdentifiedOrAfterItsGraceAnonymous) {
    // AF is read before the förbund's register: its row cites a signed form the hub has not seen yet.
    deliver("af", {report("A-1", kConsenting, "FK9443-2026-000001", {{"avslutsanledning", "arbete"}}),
                   report("A-2", kOnlyAf, "FK9443-2026-000099", {})});
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande"), 0) << "held, not guessed either way";
    EXPECT_EQ(count("SELECT COUNT(*) FROM pending_citation"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event WHERE type LIKE 'deltagande.%'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM link_key"), 0) << "nothing of the person is kept but the tag";
    // AF delivers the same rows again the next day: the grace period still runs from the first delivery.
    database_->session() << "UPDATE pending_citation SET expires_on = '2099-01-01'";
    deliver("af", {report("A-1", kConsenting, "FK9443-2026-000001", {{"avslutsanledning", "arbete"}}),
                   report("A-2", kOnlyAf, "FK9443-2026-000099", {})});
    EXPECT_EQ(count("SELECT COUNT(*) FROM pending_citation WHERE expires_on = '2099-01-01'"), 2);

    sdk::Record consent = samtycke("S-1", kConsenting, {"af"}, {"identitet", "deltagande", "ersattning"});
    consent.fields.push_back(field("blankett", "FK9443-2026-000001"));
    deliver("forbund-x", {report("D-1", kConsenting, "S-1", {}), consent});
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'af/A-1' AND anonymous = 0 AND "
                    "person_key IS NOT NULL AND avslutsanledning = 'arbete'"),
              1) << "placed identified, with everything it said";
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'af/A-1' AND "
                    "duplicate_of = 'forbund-x/D-1'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM pending_citation"), 1) << "A-2's consent has not come";

    // The grace period ends: A-2 is placed anonymous and its tag erased.
    database_->session() << "UPDATE pending_citation SET expires_on = '2000-01-01'";
    deliver("fk", {benefitPeriod("P-1", kConsenting)});
    EXPECT_EQ(count("SELECT COUNT(*) FROM pending_citation"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'af/A-2' AND anonymous = 1 AND "
                    "person_key IS NULL AND samtycke_ref IS NULL"),
              1);
    // Its next delivery is not held again: it stays what it was placed as.
    deliver("af", {report("A-1", kConsenting, "FK9443-2026-000001", {{"avslutsanledning", "arbete"}}),
                   report("A-2", kOnlyAf, "FK9443-2026-000099", {})});
    EXPECT_EQ(count("SELECT COUNT(*) FROM pending_citation"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'af/A-2' AND anonymous = 1"), 1);
}

// A key rotation (finsam-hub rekey) between the citation and its consent: the tag names the link key of its
// day, which the store no longer holds, so only the consent's delivery (through the key chain) can find it.
TEST_P(LinkingTest, ACitationHeldAcrossAKeyRotationIsPlacedIdentifiedWhenItsConsentComes) {
    deliver("af", {report("A-1", kConsenting, "FK9443-2026-000001", {{"avslutsanledning", "arbete"}})});
    deliver("fk", {benefitPeriod("P-1", kNoConsent)});
    ASSERT_EQ(count("SELECT COUNT(*) FROM pending_citation"), 1);

    const identity::Pseudonymizer step({"t2", std::string(32, 'r')});
    store::rekeyLinkKeys(*database_, "t1", "t2", [&step](const std::string& value) { return step.mac(value); });
    pseudonymizer_ = identity::Pseudonymizer::fromChain({{"t1", std::string(32, 's')}, {"t2", std::string(32, 'r')}});

    sdk::Record consent = samtycke("S-1", kConsenting, {"af"}, {"identitet", "deltagande", "ersattning"});
    consent.fields.push_back(field("blankett", "FK9443-2026-000001"));
    deliver("forbund-x", {report("D-1", kConsenting, "S-1", {}), consent});
    EXPECT_EQ(count("SELECT COUNT(*) FROM pending_citation"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande d JOIN link_key l ON l.person_key = d.person_key WHERE "
                    "d.entity_key = 'af/A-1' AND d.anonymous = 0 AND d.avslutsanledning = 'arbete' AND "
                    "l.key_id = 't2'"),
              1) << "placed identified, under the current key";
    EXPECT_EQ(count("SELECT COUNT(*) FROM link_key WHERE key_id <> 't2'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'af/A-1' AND "
                    "duplicate_of = 'forbund-x/D-1'"),
              1) << "one participation of one person, as without the rotation";
}

TEST_P(LinkingTest, AParticipationCitingNoConsentIsCoveredByOneInForceAtItsStart) {
    // The region's FINSAM episodes cite no consent; the region's own FHIR Consent covers those that start
    // inside its validity (architecture §4), and their records are of category deltagande, not halsa.
    deliver("fk", {benefitPeriod("P-1", kConsenting)});
    sdk::Record consent = samtycke("R-C1", kConsenting, {"fk", "region-01"}, {"deltagande", "ersattning"});
    consent.fields.push_back(field("status", "active"));
    consent.fields.push_back(field("beslut", "permit"));
    auto episode = [](const std::string& key, const char* number, const char* start) {
        sdk::Record record = deltagande(key, number, "");
        record.fields[1].value = start;
        return record;
    };
    // The episode comes before the consent in the same batch: placed after the batch's other records.
    deliver("region-01", {episode("E-1", kConsenting, "2026-06-01"), episode("E-2", kNoConsent, "2026-06-01"),
                          episode("E-3", kConsenting, "2026-05-01"), consent});
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'region-01/E-1' AND anonymous = 0 AND "
                    "person_key IS NOT NULL"),
              1) << "started inside the consent's validity";
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'region-01/E-2' AND anonymous = 1"), 1)
        << "no consent of that person";
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'region-01/E-3' AND anonymous = 1"), 1)
        << "started before the consent was valid";
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 1)
        << "the region's participation and FK's benefit period, under the region's consent";

    // A withdrawal ends the covered participation that day, as for a cited consent.
    consent.fields.push_back(field("aterkallat", "2026-07-15"));
    deliver("region-01", {consent, episode("E-1", kConsenting, "2026-06-01")});
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'region-01/E-1' AND "
                    "slutdatum = '2026-07-15' AND avslutsanledning = 'samtycke_aterkallat'"),
              1);
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

// The store keeps no link key of a protected person, so `rekey` has nothing of hers to rewrite: the protection
// is remembered by a tag under the key of its day, which a delivery after the rotation meets through the chain.
TEST_P(LinkingTest, ProtectedIdentityStaysProtectedAcrossAKeyRotation) {
    auto marked = benefitPeriod("P-9", kConsenting);
    marked.fields.push_back(field("skyddad", "true"));
    deliver("kommun-0180", {marked});
    deliver("fk", {benefitPeriod("P-2", kNoConsent)});

    const identity::Pseudonymizer step({"t2", std::string(32, 'r')});
    store::rekeyLinkKeys(*database_, "t1", "t2", [&step](const std::string& value) { return step.mac(value); });
    pseudonymizer_ = identity::Pseudonymizer::fromChain({{"t1", std::string(32, 's')}, {"t2", std::string(32, 'r')}});

    // FK, unaware, delivers her identified; the förbund's register too, with a consent.
    deliver("fk", {benefitPeriod("P-1", kConsenting)});
    forbundDelivery("");
    EXPECT_EQ(count("SELECT COUNT(*) FROM ersattningsperiod WHERE entity_key = 'fk/P-1' AND person_key IS NULL"), 1)
        << "anonymous, as before the rotation";
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'forbund-x/D-1' AND anonymous = 1 AND "
                    "person_key IS NULL"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM ersattningsperiod WHERE entity_key = 'fk/P-2' AND person_key IS NOT NULL"),
              1) << "everyone else keeps their identity";
}

INSTANTIATE_TEST_SUITE_P(Backends, LinkingTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
