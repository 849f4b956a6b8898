// tests/core/indicators/indicator_engine_test.cpp — a world small enough to compute by hand, on both backends:
// facts derived from linked partners' benefit periods, every core indicator's counts, suppression, comparison.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "core/common/clock.h"
#include "core/indicators/facts_loader.h"
#include "core/indicators/indicator_engine.h"
#include "core/indicators/uppfoljning_finsam.h"
#include "core/store/entity_writer.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

using namespace finsam::indicators;
using Values = std::map<std::string, std::vector<std::string>>;

std::chrono::year_month_day date(const char* iso) { return *common::parseIsoDate(iso); }

class IndicatorEngineTest : public ::testing::TestWithParam<TestBackend> {
protected:
    IndicatorEngineTest() : store_(GetParam()), database_(store_.open()) { seed(); }

    void write(const std::string& entity, const std::string& organisation, const std::string& sourceKey,
               Values values, const std::string& personKey = "") {
        model::WorkRecord record;
        record.connector = organisation;
        record.organisation = organisation;
        record.entity = entity;
        record.sourceKey = sourceKey;
        record.values = std::move(values);
        record.anonymous = entity == "deltagande" && personKey.empty();
        record.sourceRecordId = ++sourceRecordId_;
        store::EntityWriter(*database_).upsert(record, personKey);
    }

    void person(const std::string& key, const std::string& organisation) {
        database_->execute("INSERT INTO person (person_key, kon, fodelsear, protected, content_hash, created_at, "
                           "updated_at) VALUES (:p0, NULL, NULL, 0, 'h', 't', 't')",
                           {key});
        database_->execute("INSERT INTO link_key (organisation, kind, key_id, value, person_key, created_at) VALUES "
                           "(:p0, 'personnummer', 'k1', :p1, :p2, 't')",
                           {organisation, "v-" + key, key});
    }

    void link(const std::string& a, const std::string& b, const std::string& state = "active") {
        database_->execute("INSERT INTO person_link (person_a, person_b, purpose, consent_key, valid_from, valid_to, "
                           "state, created_at) VALUES (:p0, :p1, 'uppfoljning', 'forbund-a/SAM-1', '2019-02-01', "
                           "NULL, :p2, 't')",
                           {a, b, state});
    }

    void unlinkAudit(const std::string& a, const std::string& b, const std::string& rule) {
        database_->execute("INSERT INTO audit_log (seq, at, action, person_a, person_b, consent_key, rule, detail, "
                           "batch_id) VALUES (:p0, 't', 'unlink', :p1, :p2, 'forbund-a/SAM-1', :p3, '', 1)",
                           {std::to_string(++auditSeq_), a, b, rule});
    }

    void period(const std::string& organisation, const std::string& key, const std::string& person,
                const std::string& type, const std::string& from, const std::string& to) {
        Values values{{"ersattningstyp", {type}}, {"from_datum", {from}}};
        if (!to.empty()) values["tom_datum"] = {to};
        write("ersattningsperiod", organisation, key, values, person);
    }

    // Förbund A: insats I1 (kommun huvudman), I2 (af huvudman), S1 (strukturövergripande, never counted).
    void seed() {
        write("insats", "forbund-a", "I1", {{"insats_id", {"I1"}}, {"inriktning", {"individinriktad"}},
                                            {"uppfoljningsmetod", {"individ"}}, {"huvudman", {"kommun"}}});
        write("insats", "forbund-a", "I2", {{"insats_id", {"I2"}}, {"inriktning", {"individinriktad"}},
                                            {"uppfoljningsmetod", {"individ"}}, {"huvudman", {"af"}}});
        write("insats", "forbund-a", "S1", {{"insats_id", {"S1"}}, {"inriktning", {"strukturovergripande"}},
                                            {"uppfoljningsmetod", {"endast_antal"}}, {"huvudman", {"forbund"}}});
        for (auto [key, organisation] : {std::pair{"p1", "forbund-a"}, {"p2", "forbund-a"}, {"p3", "forbund-a"},
                                         {"f1", "fk"}, {"k1", "kommun-0180"}, {"k2", "kommun-0180"}}) {
            person(key, organisation);
        }
        // d1: p1, ended 2019 to work; linked to FK (f1) and the kommun (k1).
        write("deltagande", "forbund-a", "d1",
              {{"insats_id", {"I1"}}, {"kon", {"kvinna"}}, {"fodelsear", {"1990"}}, {"startdatum", {"2019-03-01"}},
               {"slutdatum", {"2019-08-31"}}, {"utbildningsniva", {"grundskola"}},
               {"forsorjning_fore", {"forsorjningsstod"}}, {"tid_offentlig_forsorjning", {"9-"}},
               {"avslutsanledning", {"arbete"}}, {"forsorjning_efter", {"lon"}},
               {"sysselsattning_efter", {"arbete"}}},
              "p1");
        // The kommun reports d1 too: a duplicate report, so d1 belongs to kommun-0180.
        write("deltagande", "kommun-0180", "d1k",
              {{"insats_id", {"I1"}}, {"startdatum", {"2019-03-01"}}, {"slutdatum", {"2019-08-31"}}}, "k2");
        database_->execute("UPDATE deltagande SET duplicate_of = :p0 WHERE entity_key LIKE :p1", {"forbund-a/d1", "%d1k"});
        // d2: p2, ended 2020, not linked: the register's own values stand.
        write("deltagande", "forbund-a", "d2",
              {{"insats_id", {"I1"}}, {"kon", {"man"}}, {"fodelsear", {"1985"}}, {"startdatum", {"2019-05-01"}},
               {"slutdatum", {"2020-06-30"}}, {"utbildningsniva", {"gymnasium"}},
               {"forsorjning_fore", {"aktivitetsstod"}}, {"tid_offentlig_forsorjning", {"0-1"}},
               {"avslutsanledning", {"avbrott"}}, {"sysselsattning_efter", {"arbetssokande"}}},
              "p2");
        // d3: anonymous, ongoing.
        write("deltagande", "forbund-a", "d3",
              {{"insats_id", {"I2"}}, {"kon", {"kvinna"}}, {"fodelsear", {"1999"}}, {"startdatum", {"2019-02-01"}}});
        // d4: felregistrering, never counted.
        write("deltagande", "forbund-a", "d4",
              {{"insats_id", {"I2"}}, {"kon", {"kvinna"}}, {"fodelsear", {"1970"}}, {"startdatum", {"2019-01-10"}},
               {"slutdatum", {"2019-12-20"}}, {"avslutsanledning", {"felregistrering"}}},
              "p3");
        // d5: p1 again, in I2, ongoing: one person, two participations.
        write("deltagande", "forbund-a", "d5",
              {{"insats_id", {"I2"}}, {"kon", {"kvinna"}}, {"fodelsear", {"1990"}}, {"startdatum", {"2019-09-15"}}},
              "p1");
        // d6: the structural insats's head count is not a participation.
        write("deltagande", "forbund-a", "d6",
              {{"insats_id", {"S1"}}, {"kon", {"man"}}, {"fodelsear", {"1980"}}, {"startdatum", {"2019-04-01"}}});

        link("f1", "p1");
        link("k1", "p1");
        // FK: sjukpenning up to just after start; the kommun: försörjningsstöd before it (gap 31 days: a new spell
        // would start; this one is 30 days, so one spell from 2017-06-01) and again from 2020-02-01, ongoing.
        period("fk", "fp1", "f1", "sjukpenning", "2018-01-31", "2019-03-15");
        period("kommun-0180", "kp1", "k1", "forsorjningsstod", "2017-06-01", "2017-12-31");
        period("kommun-0180", "kp2", "k1", "forsorjningsstod", "2020-02-01", "");
        // Outside d1's follow-up window (more than 10 years before start): invisible.
        period("fk", "fp0", "f1", "sjukersattning", "2001-01-01", "2008-12-31");
    }

    std::vector<ParticipationFacts> facts(const char* asOf = "2026-01-01") {
        FactsScope scope;
        scope.asOf = date(asOf);
        return loadFacts(*database_, scope);
    }

    static const ParticipationFacts& byKey(const std::vector<ParticipationFacts>& all, const std::string& suffix) {
        auto found = std::find_if(all.begin(), all.end(), [&](const ParticipationFacts& f) {
            return f.deltagandeKey.size() >= suffix.size() &&
                   f.deltagandeKey.compare(f.deltagandeKey.size() - suffix.size(), suffix.size(), suffix) == 0;
        });
        if (found == all.end()) throw std::runtime_error("no facts for " + suffix);
        return *found;
    }

    std::vector<IndicatorRow> rows(const std::vector<ParticipationFacts>& all, std::int64_t threshold,
                                   const char* from = "2019-01-01", const char* to = "2020-12-31") {
        IndicatorRequest request;
        request.periods = reportingPeriods(date(from), date(to), "year");
        request.forbund = "forbund-a";
        request.disclosure.threshold = threshold;
        return computeIndicators(all, loadIndicatorDefinitions(), request);
    }

    static const IndicatorRow& row(const std::vector<IndicatorRow>& all, const std::string& indicator,
                                   const std::string& insats, const std::string& period, const std::string& dimension,
                                   const std::string& category) {
        for (const auto& r : all) {
            if (r.indicator == indicator && r.insats == insats && r.period == period && r.dimension == dimension &&
                r.category == category) {
                return r;
            }
        }
        throw std::runtime_error("no row " + indicator + "/" + insats + "/" + period + "/" + dimension + "/" +
                                 category);
    }

    TestStore store_;
    std::unique_ptr<store::Database> database_;
    std::int64_t sourceRecordId_ = 0;
    std::int64_t auditSeq_ = 0;
};

TEST_P(IndicatorEngineTest, CountsOnlyCanonicalIndividualParticipationsWithoutErrors) {
    const auto all = facts();
    std::vector<std::string> keys;
    for (const auto& f : all) keys.push_back(f.deltagandeKey.substr(f.deltagandeKey.rfind('/') + 1));
    EXPECT_EQ(keys, (std::vector<std::string>{"d1", "d2", "d3", "d5"}));
}

TEST_P(IndicatorEngineTest, LinkedPersonsFactsAreDerivedFromPartnerPeriodsWithTheirSource) {
    const auto all = facts();
    const auto& d1 = byKey(all, "/d1");
    EXPECT_EQ(d1.forsorjningFore.values, std::vector<std::string>{"sjukpenning"});
    EXPECT_EQ(d1.forsorjningFore.source, "partner:fk,kommun-0180");
    // The spell covering 2019-02-28 runs from 2017-06-01: the 30-day gap after 2017-12-31 joins it; 638 days.
    EXPECT_EQ(d1.tidOffentligForsorjning.values, std::vector<std::string>{"1-3"});
    EXPECT_EQ(d1.forsorjningEfter.values, std::vector<std::string>{"ingen"});
    EXPECT_EQ(d1.utfall6.matbarhet, "matbar");
    EXPECT_EQ(d1.utfall6.types, std::vector<std::string>{"forsorjningsstod"});  // 2020-03-01
    EXPECT_EQ(d1.utfall12.types, std::vector<std::string>{"forsorjningsstod"});
    EXPECT_EQ(d1.kommun, "kommun-0180");  // the kommun reported it as well
    EXPECT_EQ(d1.tidIInsats, "1-6");
    EXPECT_EQ(d1.aldersgrupp, "16-29");

    const auto& d2 = byKey(all, "/d2");
    EXPECT_EQ(d2.forsorjningFore.values, std::vector<std::string>{"aktivitetsstod"});
    EXPECT_EQ(d2.forsorjningFore.source, "forbund");
    EXPECT_EQ(d2.tidOffentligForsorjning.values, std::vector<std::string>{"0-1"});
    EXPECT_EQ(d2.utfall12.matbarhet, "ej_lankad");
    EXPECT_EQ(d2.tidIInsats, "13-");
    EXPECT_EQ(byKey(all, "/d3").utfall12.matbarhet, "ej_avslutad");
    EXPECT_TRUE(byKey(all, "/d3").anonymous);
}

TEST_P(IndicatorEngineTest, OutcomesNotYetReachedAreNotMeasured) {
    const auto all = facts("2020-06-01");  // 2020-03-01 has passed, 2020-08-30 has not
    const auto& d1 = byKey(all, "/d1");
    EXPECT_EQ(d1.utfall6.matbarhet, "matbar");
    EXPECT_EQ(d1.utfall12.matbarhet, "ej_natt");
}

TEST_P(IndicatorEngineTest, AWithdrawalTakesWhatWasDerivedThroughTheLinkWithIt) {
    database_->execute("UPDATE person_link SET state = 'dissolved', valid_to = '2019-12-31' WHERE person_a = 'f1'", {});
    unlinkAudit("f1", "p1", "withdrawn");
    auto d1 = byKey(facts(), "/d1");
    EXPECT_EQ(d1.forsorjningFore.values, std::vector<std::string>{"ingen"});  // the kommun's alone: none at start
    EXPECT_EQ(d1.forsorjningFore.source, "partner:kommun-0180");

    // A link that merely expired keeps what it showed.
    unlinkAudit("f1", "p1", "not_in_force");
    d1 = byKey(facts(), "/d1");
    EXPECT_EQ(d1.forsorjningFore.values, std::vector<std::string>{"sjukpenning"});
}

TEST_P(IndicatorEngineTest, EveryCoreIndicatorCountsTheHandBuiltWorld) {
    const auto all = rows(facts(), 1);  // threshold 1: nothing but zero is small
    auto numerator = [&](const std::string& indicator, const std::string& period, const std::string& dimension,
                         const std::string& category, const std::string& insats = "") {
        const auto& r = row(all, indicator, insats, period, dimension, category);
        EXPECT_FALSE(r.suppressed);
        return r.numerator.value_or(-1);
    };
    EXPECT_EQ(numerator("deltagare", "2019", "total", "total"), 2);  // p1 (twice) and p2; d4 is an error
    EXPECT_EQ(numerator("deltagare", "2019", "kon", "kvinna"), 1);
    EXPECT_EQ(numerator("deltagare", "2019", "forsorjning_fore", "sjukpenning"), 1);  // p1, derived
    EXPECT_EQ(numerator("deltagare", "2019", "forsorjning_fore", "forsorjningsstod"), 0);  // reported, replaced
    EXPECT_EQ(numerator("deltagare", "2019", "huvudman", "kommun"), 2);  // p1's first participation is in I1
    EXPECT_EQ(numerator("deltagare", "2019", "total", "total", "I2"), 1);
    EXPECT_EQ(numerator("deltagare", "2020", "total", "total"), 2);  // p1's d5 and p2's d2 run into 2020
    EXPECT_EQ(numerator("deltagare_anonyma", "2019", "total", "total"), 1);
    EXPECT_EQ(numerator("deltagare_anonyma", "2020", "total", "total"), 1);  // once in each year it is active
    EXPECT_EQ(numerator("nya_deltagare", "2019", "total", "total"), 4);
    EXPECT_EQ(numerator("nya_deltagare", "2020", "total", "total"), 0);
    EXPECT_EQ(numerator("avslutade", "2019", "total", "total"), 1);
    EXPECT_EQ(numerator("avslutade", "2020", "avslutsanledning", "avbrott"), 1);

    const auto& work2019 = row(all, "andel_arbete_studier", "", "2019", "total", "total");
    EXPECT_EQ(work2019.numerator, 1);
    EXPECT_EQ(work2019.denominator, 1);
    EXPECT_DOUBLE_EQ(*work2019.value, 1.0);
    const auto& work2020 = row(all, "andel_arbete_studier", "", "2020", "total", "total");
    EXPECT_EQ(work2020.numerator, 0);
    EXPECT_EQ(work2020.denominator, 1);

    const auto& months = row(all, "tid_i_insats", "", "2020", "tid_i_insats", "13-");
    EXPECT_EQ(months.numerator, 1);
    EXPECT_EQ(months.denominator, 1);
    EXPECT_EQ(row(all, "tid_i_offentlig_forsorjning", "", "2019", "tid_i_offentlig_forsorjning", "1-3").numerator, 1);
    EXPECT_EQ(row(all, "forsorjning_efter", "", "2019", "forandring_offentlig_forsorjning", "lamnat").numerator, 1);

    const auto& measurable = row(all, "utfall_12_manader", "", "2019", "matbarhet_12_manader", "matbar");
    EXPECT_EQ(measurable.numerator, 1);
    EXPECT_EQ(measurable.denominator, 1);
    EXPECT_EQ(row(all, "utfall_12_manader", "", "2019", "utfall_12_manader", "forsorjningsstod").numerator, 1);
    EXPECT_EQ(row(all, "utfall_12_manader", "", "2019", "utfall_12_manader", "utan_offentlig_forsorjning").numerator,
              0);
    EXPECT_EQ(row(all, "utfall_12_manader", "", "2020", "matbarhet_12_manader", "ej_lankad").numerator, 1);
}

TEST_P(IndicatorEngineTest, SmallCountsAreSuppressedAndSaySo) {
    const auto all = rows(facts(), 5);
    const auto& r = row(all, "deltagare", "", "2019", "total", "total");
    EXPECT_TRUE(r.suppressed);
    EXPECT_FALSE(r.numerator.has_value());
    EXPECT_FALSE(r.value.has_value());
    const auto& zero = row(all, "nya_deltagare", "", "2020", "total", "total");
    EXPECT_FALSE(zero.suppressed);  // a zero reveals no one
    EXPECT_EQ(zero.numerator, 0);
}

TEST_P(IndicatorEngineTest, PeriodsAreNamedAsPublished) {
    auto halves = reportingPeriods(date("2019-03-01"), date("2019-12-31"), "half");
    ASSERT_EQ(halves.size(), 2u);
    EXPECT_EQ(halves[0].name, "2019-H1");
    auto tertials = reportingPeriods(date("2019-05-01"), date("2019-05-02"), "tertial");
    ASSERT_EQ(tertials.size(), 1u);
    EXPECT_EQ(tertials[0].name, "2019-T2");
    EXPECT_EQ(std::chrono::sys_days{tertials[0].last}, std::chrono::sys_days{date("2019-08-31")});
    EXPECT_THROW(reportingPeriods(date("2019-01-01"), date("2019-12-31"), "month"), std::invalid_argument);
}

TEST_P(IndicatorEngineTest, UppfoljningFinsamCountsParticipantsByKonAndCarriesTheRegistersBudgetAndHeadCount) {
    write("insats_budget", "forbund-a", "I1/2019",
          {{"insats_id", {"I1"}}, {"budgetar", {"2019"}}, {"budget_kr", {"1250000.50"}}, {"planerat_antal", {"30"}},
           {"esf", {"true"}}});
    write("insats_budget", "forbund-a", "S1/2019",
          {{"insats_id", {"S1"}}, {"budgetar", {"2019"}}, {"budget_kr", {"400000"}}, {"antal_kvinnor", {"7"}},
           {"antal_man", {"5"}}});
    write("insats_budget", "forbund-a", "S1/2021", {{"insats_id", {"S1"}}, {"budgetar", {"2021"}}});
    const auto rows = uppfoljningFinsam(*database_, facts(), "forbund-a", 2019);
    ASSERT_EQ(rows.size(), 3u);  // I2 has no budget and no dates, but participants

    const auto& i1 = rows[0];  // d1 (p1, kvinna) and d2 (p2, man)
    EXPECT_EQ(i1.insatsId, "I1");
    EXPECT_EQ(i1.kalla, "deltaganden");
    EXPECT_EQ(i1.kvinnor, 1);
    EXPECT_EQ(i1.man, 1);
    EXPECT_EQ(i1.annatOkant, 0);
    EXPECT_EQ(i1.totalt, 2);
    EXPECT_EQ(i1.anonyma, 0);
    EXPECT_EQ(i1.budgetKr, "1250000.50");
    EXPECT_EQ(i1.planeratAntal, 30);
    EXPECT_EQ(i1.esf, true);

    const auto& i2 = rows[1];  // d3 (anonymous kvinna) and d5 (p1 again); d4 is a felregistrering
    EXPECT_EQ(i2.insatsId, "I2");
    EXPECT_EQ(i2.kvinnor, 2);
    EXPECT_EQ(i2.man, 0);
    EXPECT_EQ(i2.totalt, 2);
    EXPECT_EQ(i2.anonyma, 1);
    EXPECT_EQ(i2.budgetKr, "");
    EXPECT_FALSE(i2.planeratAntal.has_value());

    const auto& s1 = rows[2];  // the register's head count; d6 in it is not counted
    EXPECT_EQ(s1.insatsId, "S1");
    EXPECT_EQ(s1.kalla, "registrerat_antal");
    EXPECT_EQ(s1.kvinnor, 7);
    EXPECT_EQ(s1.man, 5);
    EXPECT_EQ(s1.totalt, 12);
    EXPECT_FALSE(s1.anonyma.has_value());

    // 2020: d2 ended mid-year, d3 and d5 go on; S1 has no budget that year and no dates, so it is left out.
    const auto next = uppfoljningFinsam(*database_, facts(), "forbund-a", 2020);
    ASSERT_EQ(next.size(), 2u);
    EXPECT_EQ(next[0].totalt, 1);
    EXPECT_EQ(next[0].man, 1);
    EXPECT_EQ(next[1].totalt, 2);

    std::ostringstream csv;
    writeUppfoljningFinsamCsv(rows, csv);
    EXPECT_EQ(csv.str().substr(0, csv.str().find("\r\n")),
              "ar,insats_id,insats_namn,inriktning,uppfoljningsmetod,huvudman,deltagare_kvinnor,deltagare_man,"
              "deltagare_annat_okant,deltagare_totalt,varav_anonyma,budget_kr,planerat_antal,esf,kalla");
    EXPECT_NE(csv.str().find("2019,I1,,individinriktad,individ,kommun,1,1,0,2,0,1250000.50,30,ja,deltaganden\r\n"),
              std::string::npos)
        << csv.str();
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorEngineTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
