// tests/core/indicators/fair_comparison_test.cpp — indirect standardisation in the published rows: two förbund
// with the same stratum rates but different participants compare alike; a configured reference file replaces
// the store's förbund and is checked like any config.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <fstream>

#include "core/indicators/benefit_rules.h"
#include "core/indicators/indicator_engine.h"
#include "core/indicators/reference_rates.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

using namespace finsam::indicators;

/// `count` identified participations of `forbund` that ended in 2019, long or short in public support before
/// start, `toWork` of them to work; everyone else alike (age, education), so tid i offentlig försörjning is the
/// only stratum that differs.
void add(std::vector<ParticipationFacts>& facts, const std::string& forbund, const std::string& tid, int count,
         int toWork) {
    for (int i = 0; i < count; ++i) {
        ParticipationFacts f;
        f.deltagandeKey = forbund + "/" + tid + "/" + std::to_string(i);
        f.forbund = forbund;
        f.insats = "I";
        f.anonymous = false;
        f.human = f.deltagandeKey;
        f.start = std::chrono::year{2019} / 1 / 15;
        f.end = std::chrono::year{2019} / 9 / 30;
        f.tidIInsats = tidIInsats(f.start, *f.end);
        f.aldersgrupp = "30-44";
        f.utbildningsniva = "gymnasium";
        f.tidOffentligForsorjning.values = {tid};
        f.sysselsattningEfter = i < toWork ? "arbete" : "arbetssokande";
        f.avslutsanledning = i < toWork ? "arbete" : "annan";
        facts.push_back(std::move(f));
    }
}

std::vector<ParticipationFacts> twoForbund() {
    // Both förbund: 50 % to work after a short time in support, 10 % after a long one. A's participants were
    // mostly short in support, B's mostly long.
    std::vector<ParticipationFacts> facts;
    add(facts, "forbund-a", "0-1", 40, 20);
    add(facts, "forbund-a", "9-", 10, 1);
    add(facts, "forbund-b", "0-1", 10, 5);
    add(facts, "forbund-b", "9-", 40, 4);
    return facts;
}

IndicatorRow comparison(const std::vector<IndicatorRow>& rows) {
    for (const auto& r : rows) {
        if (r.indicator == "andel_arbete_studier" && r.insats.empty() && r.dimension == "jamforelse") return r;
    }
    throw std::runtime_error("no comparison row");
}

std::vector<IndicatorRow> report(const std::vector<ParticipationFacts>& facts, const std::string& forbund,
                                 ReferenceRates reference = {}) {
    IndicatorRequest request;
    request.periods = reportingPeriods(std::chrono::year{2019} / 1 / 1, std::chrono::year{2019} / 12 / 31, "year");
    request.forbund = forbund;
    request.disclosure.threshold = 1;
    request.reference = std::move(reference);
    return computeIndicators(facts, loadIndicatorDefinitions(), request);
}

TEST(FairComparison, AFörbundWhoseParticipantsWereLongInSupportIsNotShownWorseForThat) {
    const auto facts = twoForbund();
    const auto a = comparison(report(facts, "forbund-a"));
    const auto b = comparison(report(facts, "forbund-b"));
    // Crude shares differ a lot: 21 of 50 against 9 of 50.
    EXPECT_EQ(a.category, "arbete_studier");
    EXPECT_DOUBLE_EQ(*a.value, 21.0 / 50);
    EXPECT_DOUBLE_EQ(*b.value, 9.0 / 50);
    // The store's rates: 0-1 25 of 50 = 0.5, 9- 5 of 50 = 0.1. Expected A = 40·0.5 + 10·0.1 = 21, B = 10·0.5 +
    // 40·0.1 = 9: both exactly as expected.
    EXPECT_EQ(*a.observed, 21);
    EXPECT_DOUBLE_EQ(*a.expected, 21.0);
    EXPECT_DOUBLE_EQ(*a.ratio, 1.0);
    EXPECT_EQ(*b.observed, 9);
    EXPECT_DOUBLE_EQ(*b.expected, 9.0);
    EXPECT_DOUBLE_EQ(*b.ratio, 1.0);
    for (const auto* r : {&a, &b}) {
        EXPECT_LT(*r->ciLow, 1.0);
        EXPECT_GT(*r->ciHigh, 1.0);
    }
    // The smaller förbund's interval is the wider one.
    EXPECT_GT(*b.ciHigh - *b.ciLow, *a.ciHigh - *a.ciLow);
}

class ReferenceFile : public ::testing::Test {
protected:
    std::string write(const std::string& text) {
        const auto path = dir_.file("reference-" + std::to_string(++files_) + ".json");
        std::ofstream(path) << text;
        return path;
    }
    TempDir dir_;
    int files_ = 0;
};

constexpr const char* kStrata = R"("strata": ["aldersgrupp", "utbildningsniva", "tid_i_offentlig_forsorjning"])";

TEST_F(ReferenceFile, AConfiguredReferenceReplacesTheStoresFörbund) {
    const auto file = write(std::string(R"({"title": "Riket, test", "indicators": {"andel_arbete_studier": {)") +
                            kStrata + R"(, "rates": [
        {"stratum": ["30-44", "gymnasium", "0-1"], "population": 100, "outcome": 25},
        {"stratum": ["30-44", "gymnasium", "9-"], "population": 100, "outcome": 5}]}}})");
    const auto rates = loadReferenceRates(file, loadIndicatorDefinitions());
    ASSERT_EQ(rates.at("andel_arbete_studier").size(), 2u);
    const auto a = comparison(report(twoForbund(), "forbund-a", rates));
    // Expected 40·0.25 + 10·0.05 = 10.5; observed 21: twice what the reference predicts.
    EXPECT_EQ(*a.observed, 21);
    EXPECT_DOUBLE_EQ(*a.expected, 10.5);
    EXPECT_DOUBLE_EQ(*a.ratio, 2.0);
    EXPECT_GT(*a.ciLow, 1.0) << "significantly better than the reference";
    // Without the file the store's förbund are the reference again.
    EXPECT_DOUBLE_EQ(*comparison(report(twoForbund(), "forbund-a")).expected, 21.0);
}

TEST_F(ReferenceFile, MistakesNameTheFileAndThePointer) {
    const auto definitions = loadIndicatorDefinitions();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"indicators": {}})", "title"},
        {std::string(R"({"title": "t", "indicators": {"deltagare": {)") + kStrata +
             R"(, "rates": [{"stratum": ["a", "b", "c"], "population": 1, "outcome": 0}]}}})",
         "/indicators/deltagare: no indicator \"deltagare\" with a comparison"},
        {R"({"title": "t", "indicators": {"andel_arbete_studier": {"strata": ["aldersgrupp"], "rates": [{"stratum": ["16-29"], "population": 1, "outcome": 0}]}}})",
         "/indicators/andel_arbete_studier/strata: must be the indicator's comparison strata"},
        {std::string(R"({"title": "t", "indicators": {"andel_arbete_studier": {)") + kStrata +
             R"(, "rates": [{"stratum": ["16-29"], "population": 1, "outcome": 0}]}}})",
         "/indicators/andel_arbete_studier/rates/0/stratum: needs one category for each of the 3 strata"},
        {std::string(R"({"title": "t", "indicators": {"andel_arbete_studier": {)") + kStrata +
             R"(, "rates": [{"stratum": ["16-29", "gymnasium", "0-1"], "population": 3, "outcome": 4}]}}})",
         "/indicators/andel_arbete_studier/rates/0/outcome: is larger than population"},
        {std::string(R"({"title": "t", "indicators": {"andel_arbete_studier": {)") + kStrata + R"(, "rates": [
             {"stratum": ["16-29", "gymnasium", "0-1"], "population": 3, "outcome": 1},
             {"stratum": ["16-29", "gymnasium", "0-1"], "population": 5, "outcome": 1}]}}})",
         "/indicators/andel_arbete_studier/rates/1/stratum: this stratum is listed twice"},
    };
    for (const auto& [text, expected] : cases) {
        const auto file = write(text);
        try {
            loadReferenceRates(file, definitions);
            ADD_FAILURE() << "accepted: " << text;
        } catch (const std::runtime_error& e) {
            const std::string message = e.what();
            EXPECT_EQ(message.rfind(file + ": ", 0), 0u) << message;
            EXPECT_NE(message.find(expected), std::string::npos) << message;
        }
    }
}

}  // namespace
}  // namespace finsam::testing
