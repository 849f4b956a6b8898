// tests/integration/probabilistic_linking_test.cpp — a mistyped number at AF is linked to the region's record of
// the same woman by her encoded names and birth date, under the region's consent; a stranger born the same day
// is not; the review queue decides pairs between the thresholds; protected identity erases the encodings.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>

#include "core/consent/consent_gate.h"
#include "core/identity/identity_stage.h"
#include "core/identity/redactor.h"
#include "core/link/person_explainer.h"
#include "core/link/probabilistic_linker.h"
#include "core/link/review_queue.h"
#include "core/normalise/normaliser.h"
#include "core/pipeline/batch_applier.h"
#include "core/validate/validator.h"
#include "tests/support/store_snapshot.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

// Generated numbers with valid check digits; none is a real person's.
// Kön comes from the serial's last digit (no source here gives it): all three are women.
constexpr const char* kAnna = "19850312-1249";
constexpr const char* kAnnaMistyped = "19850312-1280";  // one serial digit wrong, the check digit fits it
constexpr const char* kBerit = "19850312-1264";         // another woman born the same day

sdk::Field field(const char* name, const std::string& value) { return {name, value, 1}; }

void addNames(sdk::Record& record, const std::string& given, const std::string& family) {
    record.fields.push_back(field("fornamn", given));
    record.fields.push_back(field("efternamn", family));
}

sdk::Record episode(const std::string& key, const std::string& number) {
    sdk::Record record{"deltagande", key, sdk::Operation::kUpsert,
                       {field("insats_id", "FB-1"), field("startdatum", "2026-06-01"), field("personnummer", number),
                        field("samtycke_ref", "S-1"), field("fodelsedatum", "1985-03-12")},
                       {"EpisodeOfCare", 1}, key};
    addNames(record, "Anna", "Öberg");
    return record;
}

sdk::Record consentOf(const std::string& number) {
    return {"samtycke", "S-1", sdk::Operation::kUpsert,
            {field("personnummer", number), field("galler_forbund", "true"), field("giltigt_fran", "2026-05-20"),
             field("andamal", "uppfoljning"), field("parter", "af"), field("parter", "region-01"),
             field("kategorier", "identitet"), field("kategorier", "deltagande"), field("kategorier", "ersattning")},
            {"Consent", 1}, "S-1"};
}

sdk::Record benefit(const std::string& key, const std::string& number, const std::string& given,
                    const std::string& family, bool skyddad = false) {
    sdk::Record record{"ersattningsperiod", key, sdk::Operation::kUpsert,
                       {field("personnummer", number), field("ersattningstyp", "sjukpenning"),
                        field("from_datum", "2025-03-01"), field("tom_datum", "2026-09-30")},
                       {"af_finsam.csv", 2}, key};
    if (skyddad) {
        record.fields.push_back(field("skyddad", "true"));
    } else {
        addNames(record, given, family);
    }
    return record;
}

class ProbabilisticLinkingTest : public ::testing::TestWithParam<TestBackend> {
protected:
    ProbabilisticLinkingTest()
        : store_(GetParam()), database_(store_.open()), pseudonymizer_({"t1", std::string(32, 's')}) {
        std::vector<std::unique_ptr<model::RecordStage>> stages;
        stages.push_back(std::make_unique<normalise::Normaliser>(normalise::CodeMapping{}));
        stages.push_back(std::make_unique<validate::Validator>());
        stages.push_back(std::make_unique<identity::IdentityStage>(pseudonymizer_, true));
        stages.push_back(std::make_unique<consent::ConsentGate>());
        pipeline_ = std::make_unique<pipeline::Pipeline>(std::move(stages));
        settings_.probabilistic = true;
    }

    // AF delivers Anna's participation citing a consent not yet read, and Berit's: both are held.
    void holdAnnaAndBerit() {
        sdk::Record participation = episode("A-1", kAnnaMistyped);
        for (auto& f : participation.fields) {
            if (f.name == "samtycke_ref") {
                f.value = "FK9443-2026-000777";
            }
        }
        deliver("af", {std::move(participation), episode("A-2", kBerit)});
    }

    void deliver(const std::string& organisation, std::vector<sdk::Record> records) {
        deliverTo(*database_, organisation, std::move(records));
    }

    void deliverTo(store::Database& database, const std::string& organisation, std::vector<sdk::Record> records) {
        pipeline::BatchCollector batch;
        for (auto& record : records) {
            batch.accept(std::move(record));
        }
        pipeline::BatchApplier(database, *pipeline_, {organisation + "-conn", organisation}, settings_)
            .apply(batch, "cp", "2026-01-01T00:00:00.000Z");
    }

    // What probabilistic linkage decided, in terms that do not depend on random person keys.
    static std::string matchState(store::Database& database) {
        std::string state;
        soci::rowset<soci::row> rows =
            (database.session().prepare
             << "SELECT ea.organisation, eb.organisation, m.status, m.evidence FROM person_match m JOIN "
                "person_encoding ea ON ea.person_key = m.person_a JOIN person_encoding eb ON eb.person_key = "
                "m.person_b ORDER BY 1, 2, 3, 4");
        std::vector<std::string> lines;
        for (const auto& row : rows) {
            // person_a < person_b orders by random keys: the organisations in name order instead.
            std::string first = row.get<std::string>(0), second = row.get<std::string>(1);
            if (second < first) {
                std::swap(first, second);
            }
            lines.push_back(first + "|" + second + "|" + row.get<std::string>(2) + "|" + row.get<std::string>(3) + "\n");
        }
        std::sort(lines.begin(), lines.end());
        for (const auto& line : lines) {
            state += line;
        }
        long long links = 0;
        database.session() << "SELECT COUNT(*) FROM person_link WHERE state = 'active'", soci::into(links);
        return state + "links " + std::to_string(links);
    }

    long long count(const std::string& sql) {
        long long value = 0;
        database_->session() << sql, soci::into(value);
        return value;
    }

    std::string personOf(const std::string& table, const std::string& entityKey) {
        std::string key;
        database_->session() << "SELECT person_key FROM " + table + " WHERE entity_key = :k", soci::use(entityKey),
            soci::into(key);
        return key;
    }

    TestStore store_;
    std::unique_ptr<store::Database> database_;
    identity::Pseudonymizer pseudonymizer_;
    std::unique_ptr<pipeline::Pipeline> pipeline_;
    pipeline::ApplySettings settings_;
};

TEST_P(ProbabilisticLinkingTest, AMistypedNumberIsLinkedByItsEvidenceUnderTheConsentAndAStrangerIsNot) {
    deliver("region-01", {consentOf(kAnna), episode("E-1", kAnna)});
    deliver("af", {benefit("A-1", kAnnaMistyped, "Anna", "Öberg"), benefit("A-2", kBerit, "Berit", "Sundin")});

    const std::string region = personOf("deltagande", "region-01/E-1");
    const std::string annaAtAf = personOf("ersattningsperiod", "af/A-1");
    const std::string beritAtAf = personOf("ersattningsperiod", "af/A-2");
    ASSERT_FALSE(region.empty());
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_encoding"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_match WHERE status = 'linked'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_match WHERE person_a = '" + beritAtAf + "' OR person_b = '" +
                    beritAtAf + "'"),
              0)
        << "same birth date and kön, other names: apart";
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active' AND method = 'probabilistic' AND "
                    "match_probability >= 0.9"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'link' AND detail LIKE '%probabilistic match%'"),
              1);
    std::string payload;
    database_->session() << "SELECT payload FROM feed_event WHERE type = 'person.linked'", soci::into(payload);
    EXPECT_NE(payload.find("\"method\":\"probabilistic\""), std::string::npos) << payload;

    auto explained = link::PersonExplainer(*database_).explain(annaAtAf);
    ASSERT_TRUE(explained);
    rapidjson::Document document;
    document.Parse(explained->c_str());
    ASSERT_EQ(document["matches"].Size(), 1U) << *explained;
    EXPECT_STREQ(document["matches"][0]["evidence"]["fornamn"].GetString(), "exact");
    EXPECT_STREQ(document["matches"][0]["evidence"]["fodelsedatum"].GetString(), "exact") << *explained;
    EXPECT_STREQ(document["links"][0]["method"].GetString(), "probabilistic");
    EXPECT_FALSE(identity::containsIdentityLike(*explained));
    // Names and the birth date are nowhere: not in the facts, the feed, the audit or the explanation.
    std::string stored = canonicalSnapshot(*database_);
    soci::rowset<std::string> details = (database_->session().prepare << "SELECT detail FROM audit_log");
    for (const auto& detail : details) {
        stored += detail + "\n";
    }
    for (const char* clear : {"Anna", "Öberg", "Berit", "Sundin", "1985-03-12", "19850312"}) {
        EXPECT_EQ(explained->find(clear), std::string::npos) << clear;
        EXPECT_EQ(stored.find(clear), std::string::npos) << clear;
    }

    // The same delivery again: nothing new decided, audited or published.
    const auto audited = count("SELECT COUNT(*) FROM audit_log");
    const auto events = count("SELECT COUNT(*) FROM feed_event");
    deliver("af", {benefit("A-1", kAnnaMistyped, "Anna", "Öberg"), benefit("A-2", kBerit, "Berit", "Sundin")});
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audited);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event"), events);

    // Skyddade personuppgifter at AF: the encoding, the tags and the match go with the link key.
    deliver("af", {benefit("A-1", kAnnaMistyped, "", "", true)});
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_encoding WHERE person_key = '" + annaAtAf + "'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_block WHERE person_key = '" + annaAtAf + "'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_match"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 0);
}

// The region files a patient under its reservnummer: no number links her, but her names and birth date do, and
// the region's consent (keyed by the same reservnummer) lets her participation keep its person.
TEST_P(ProbabilisticLinkingTest, AReservnummerPatientIsLinkedToHerNumberedSelfElsewhereByEvidence) {
    auto byReservnummer = [](sdk::Record record) {
        for (auto& f : record.fields) {
            if (f.name == "personnummer") {
                f = field("reservnummer", "SLL-R-00042");
            }
        }
        return record;
    };
    deliver("region-01", {byReservnummer(consentOf(kAnna)), byReservnummer(episode("E-1", kAnna))});
    const std::string region = personOf("deltagande", "region-01/E-1");
    ASSERT_FALSE(region.empty()) << "her consent is in force: she keeps her person";
    EXPECT_EQ(personOf("samtycke", "region-01/S-1"), region);
    EXPECT_EQ(count("SELECT COUNT(*) FROM link_key WHERE kind = 'reservnummer'"), 1);

    deliver("af", {benefit("A-1", kAnna, "Anna", "Öberg"), benefit("A-2", kBerit, "Berit", "Sundin")});
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_match WHERE status = 'linked'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active' AND method = 'probabilistic' AND "
                    "(person_a = '" + region + "' OR person_b = '" + region + "')"),
              1);

    // The same reservnummer (spaced and in lower case) is the same person; the region's other patients are not.
    auto again = byReservnummer(episode("E-2", kAnna));
    for (auto& f : again.fields) {
        if (f.name == "reservnummer") {
            f.value = " sll-r-00042 ";
        }
    }
    deliver("region-01", {std::move(again)});
    EXPECT_EQ(personOf("deltagande", "region-01/E-2"), region);

    std::string stored = canonicalSnapshot(*database_);
    soci::rowset<std::string> details = (database_->session().prepare << "SELECT detail FROM audit_log");
    for (const auto& detail : details) {
        stored += detail + "\n";
    }
    for (const char* clear : {"SLL-R-00042", "00042", "Anna", "Öberg"}) {
        EXPECT_EQ(stored.find(clear), std::string::npos) << clear;
    }
}

// AF's participation cites the förbund's consent before the register is read, so it is held (pending_citation).
// When the consent arrives it is placed identified with the encoding it arrived with: its clear names were
// gone when its batch ended, and without the encoding no evidence would ever link it.
TEST_P(ProbabilisticLinkingTest, AParticipationHeldForItsConsentKeepsItsEncodingUntilPlaced) {
    constexpr const char* kForm = "FK9443-2026-000777";  // AF cites the signed form by its number
    sdk::Record participation = episode("A-1", kAnnaMistyped);
    for (auto& f : participation.fields) {
        if (f.name == "samtycke_ref") {
            f.value = kForm;
        }
    }
    sdk::Record consent = consentOf(kAnnaMistyped);
    consent.fields.push_back(field("blankett", kForm));
    deliver("af", {std::move(participation)});
    EXPECT_EQ(count("SELECT COUNT(*) FROM pending_citation WHERE encoding IS NOT NULL AND blocking_tags <> ''"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_encoding"), 0) << "nothing placed yet";

    deliver("forbund-x", {std::move(consent)});
    EXPECT_EQ(count("SELECT COUNT(*) FROM pending_citation"), 0);
    const std::string atAf = personOf("deltagande", "af/A-1");
    ASSERT_FALSE(atAf.empty()) << "placed identified under its consent";
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_encoding WHERE organisation = 'af' AND person_key = '" + atAf + "'"),
              1);
    EXPECT_GT(count("SELECT COUNT(*) FROM person_block WHERE person_key = '" + atAf + "'"), 0);

    // The region's record of her, under her right number, meets it by the evidence.
    deliver("region-01", {consentOf(kAnna), episode("E-1", kAnna)});
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_match WHERE status = 'linked' AND (person_a = '" + atAf +
                    "' OR person_b = '" + atAf + "')"),
              1);
}

// Protected identity is never encoded: a participation held for its consent does not keep hers waiting.
TEST_P(ProbabilisticLinkingTest, AHeldParticipationOfAPersonMarkedProtectedIsPlacedAnonymousAtOnce) {
    holdAnnaAndBerit();
    ASSERT_EQ(count("SELECT COUNT(*) FROM pending_citation WHERE encoding IS NOT NULL"), 2);

    deliver("fk", {benefit("P-1", kAnnaMistyped, "Anna", "Öberg", true)});
    EXPECT_EQ(count("SELECT COUNT(*) FROM pending_citation"), 1) << "Berit's stays held";
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'af/A-1' AND anonymous = 1 AND "
                    "person_key IS NULL AND samtycke_ref IS NULL"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_encoding"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_block"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feed_event WHERE entity_key = 'af/A-1' AND type = 'deltagande.started'"),
              1);
}

// Held rows are found by their person tag; a row held before there were person tags (migration 0012) is still
// found, by its citation tag.
TEST_P(ProbabilisticLinkingTest, ARowHeldBeforePersonTagsIsStillPlacedAnonymousWhenItsPersonIsProtected) {
    holdAnnaAndBerit();
    ASSERT_EQ(count("SELECT COUNT(*) FROM pending_citation WHERE person_tag IS NOT NULL"), 2);
    database_->session() << "UPDATE pending_citation SET person_tag = NULL";

    deliver("fk", {benefit("P-1", kAnnaMistyped, "Anna", "Öberg", true)});
    EXPECT_EQ(count("SELECT COUNT(*) FROM pending_citation"), 1) << "Berit's stays held";
    EXPECT_EQ(count("SELECT COUNT(*) FROM deltagande WHERE entity_key = 'af/A-1' AND anonymous = 1 AND "
                    "person_key IS NULL AND samtycke_ref IS NULL"),
              1);
}

TEST_P(ProbabilisticLinkingTest, APairBetweenTheThresholdsWaitsForReviewAndADecisionIsFinal) {
    settings_.thresholds = {0.99999, 0.5};
    deliver("region-01", {consentOf(kAnna), episode("E-1", kAnna)});
    deliver("af", {benefit("A-1", kAnnaMistyped, "Anna", "Öberg")});
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_match WHERE status = 'review'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link"), 0) << "review links nothing";

    link::ReportPrecedence precedence;
    link::ReviewQueue queue(*database_, {}, precedence);
    auto pending = queue.list({});
    ASSERT_EQ(pending.size(), 1U);
    EXPECT_EQ(pending[0].evidence.find("Anna"), std::string::npos);
    EXPECT_NE(pending[0].evidence.find("\"fodelsedatum\":\"exact\""), std::string::npos) << pending[0].evidence;
    EXPECT_EQ(std::set<std::string>({pending[0].organisationA, pending[0].organisationB}),
              (std::set<std::string>{"af", "region-01"}));

    std::vector<store::EntityChange> changes;
    {
        soci::transaction transaction(database_->session());
        ASSERT_EQ(queue.decide(pending[0].id, true, "reviewer-1", database_->allocate("batch", 1), changes),
                  link::ReviewQueue::Outcome::kDecided);
        transaction.commit();
    }
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].entity, "person_link");
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active' AND method = 'probabilistic'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'match_accept' AND detail LIKE '%reviewer-1%'"),
              1);
    EXPECT_TRUE(queue.list({}).empty());
    std::vector<store::EntityChange> again;
    EXPECT_EQ(queue.decide(pending[0].id, false, "reviewer-2", database_->allocate("batch", 1), again),
              link::ReviewQueue::Outcome::kAlreadyDecided);
    EXPECT_EQ(queue.decide(999999, true, "reviewer-2", database_->allocate("batch", 1), again),
              link::ReviewQueue::Outcome::kNotFound);

    // New deliveries re-score nothing a reviewer decided.
    deliver("af", {benefit("A-1", kAnnaMistyped, "Anna", "Öberg")});
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_match WHERE status = 'accepted'"), 1);
}

TEST_P(ProbabilisticLinkingTest, RejectingALinkTheModelMadeDissolvesItAndKeepsThemApart) {
    deliver("region-01", {consentOf(kAnna), episode("E-1", kAnna)});
    deliver("af", {benefit("A-1", kAnnaMistyped, "Anna", "Öberg")});
    ASSERT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 1);
    link::ReportPrecedence precedence;
    link::ReviewQueue queue(*database_, {}, precedence);
    auto linked = queue.list({"linked", 0, 10});
    ASSERT_EQ(linked.size(), 1U);
    std::vector<store::EntityChange> changes;
    {
        soci::transaction transaction(database_->session());
        ASSERT_EQ(queue.decide(linked[0].id, false, "reviewer-1", database_->allocate("batch", 1), changes),
                  link::ReviewQueue::Outcome::kDecided);
        transaction.commit();
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'unlink' AND rule = 'not_same_person'"), 1);
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].change, store::Change::kRetracted);
    deliver("af", {benefit("A-1", kAnnaMistyped, "Anna", "Öberg")});
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 0) << "a rejection stands";
}

TEST_P(ProbabilisticLinkingTest, OneNumberOfTwoPeopleIsKeptApartByNamesAndBirthDateUntilAReviewerSaysOtherwise) {
    // The region knows its patient's real birth date and name; AF files a benefit period of someone else under
    // the same (reused) number.
    sdk::Record karl = episode("E-1", kAnna);
    karl.fields.erase(std::remove_if(karl.fields.begin(), karl.fields.end(),
                                     [](const sdk::Field& f) {
                                         return f.name == "fornamn" || f.name == "efternamn" ||
                                                f.name == "fodelsedatum";
                                     }),
                      karl.fields.end());
    addNames(karl, "Karl", "Svensson");
    karl.fields.push_back(field("fodelsedatum", "1979-06-02"));
    deliver("region-01", {consentOf(kAnna), karl});
    deliver("af", {benefit("A-1", kAnna, "Anna", "Öberg")});
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_match WHERE status = 'conflict'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active'"), 0)
        << "one number, two people: the consent of one does not join the other";

    link::ReportPrecedence precedence;
    link::ReviewQueue queue(*database_, {}, precedence);
    auto conflicts = queue.list({"conflict", 0, 10});
    ASSERT_EQ(conflicts.size(), 1U);
    EXPECT_NE(conflicts[0].evidence.find("\"nummer\":\"exact\""), std::string::npos) << conflicts[0].evidence;
    std::vector<store::EntityChange> changes;
    {
        soci::transaction transaction(database_->session());
        ASSERT_EQ(queue.decide(conflicts[0].id, true, "reviewer-1", database_->allocate("batch", 1), changes),
                  link::ReviewQueue::Outcome::kDecided);
        transaction.commit();
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM person_link WHERE state = 'active' AND method = 'deterministic'"), 1)
        << "accepted: the shared number links them again";
}

TEST_P(ProbabilisticLinkingTest, TheOutcomeDoesNotDependOnTheOrderSourcesAreReadInAndReScoringChangesNothing) {
    auto regionBatch = [] { return std::vector<sdk::Record>{consentOf(kAnna), episode("E-1", kAnna)}; };
    auto afBatch = [] {
        return std::vector<sdk::Record>{benefit("A-1", kAnnaMistyped, "Anna", "Öberg"),
                                        benefit("A-2", kBerit, "Berit", "Sundin")};
    };
    deliver("region-01", regionBatch());
    deliver("af", afBatch());
    TestStore other(GetParam());
    auto reversed = other.open();
    deliverTo(*reversed, "af", afBatch());
    deliverTo(*reversed, "region-01", regionBatch());
    EXPECT_EQ(matchState(*database_), matchState(*reversed));
    EXPECT_NE(matchState(*database_).find("linked"), std::string::npos) << matchState(*database_);

    // `finsam-hub linkage`: every pair again under the same model decides nothing new.
    const auto before = matchState(*database_);
    link::ProbabilisticLinker linker(*database_, settings_.thresholds);
    EXPECT_TRUE(linker.match(linker.everyEncodedPerson()).empty());
    EXPECT_EQ(matchState(*database_), before);
    // Three encodings are too few to estimate from: the estimate is the documented starting model.
    std::size_t used = 0;
    EXPECT_EQ(linker.estimate("t1", used).toJson(), link::MatchModel::initial().toJson());
    EXPECT_EQ(used, 3U);
    EXPECT_EQ(count("SELECT COUNT(*) FROM linkage_model WHERE key_id = 't1'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProbabilisticLinkingTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
