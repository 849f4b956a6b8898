// tests/integration/indicators_generated_world_test.cpp — the indicator engine on generated worlds ingested
// through the förbund's register: the counts equal the truth the generator computes on its own
// (truth/indicators.json), and a world shaped like Malmö's published figures gives those shares back; on both
// backends.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <map>

#include "core/common/clock.h"
#include "core/common/json.h"
#include "core/indicators/facts_loader.h"
#include "core/indicators/indicator_engine.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

using namespace finsam::indicators;

struct Cell {
    std::int64_t numerator = 0, denominator = 0;
};

class IndicatorsGeneratedWorldTest : public ::testing::TestWithParam<TestBackend> {
protected:
    IndicatorsGeneratedWorldTest() : store_(GetParam()) {}

    /// Generates and ingests a world of 2018–2020, then publishes the förbund's indicators for those years
    /// without suppression (threshold 1), as of the world's snapshot day.
    void ingest(int seed, int participants, const std::vector<std::string>& extra = {}) {
        files_ = writeHubConfig(dir_, store_);
        const auto generated = generateForbund(dir_.file("generated"), seed, participants, extra);
        truthFile_ = dir_.file("generated") + "/truth/indicators.json";
        copyDropSet(generated, files_.dropDir);
        auto result = runHub({"ingest", "--config", files_.configFile, "--all"});
        ASSERT_EQ(result.exitCode, 0) << result.err;
        auto database = store_.open();
        FactsScope scope;
        scope.asOf = *common::parseIsoDate("2021-01-01");
        facts_ = loadFacts(*database, scope);
        for (const auto& row : release(1)) {
            if (!row.insats.empty() || row.dimension == "jamforelse") continue;
            cells_[row.indicator + "|" + row.period + "|" + row.dimension + "|" + row.category] = {
                row.numerator.value_or(-1), row.denominator.value_or(-1)};
        }
    }

    std::vector<IndicatorRow> release(std::int64_t threshold) const {
        IndicatorRequest request;
        request.periods = reportingPeriods(std::chrono::year{2018} / 1 / 1, std::chrono::year{2020} / 12 / 31, "year");
        request.forbund = "forbund-sthlm";
        request.disclosure.threshold = threshold;
        return computeIndicators(facts_, loadIndicatorDefinitions(), request);
    }

    Cell cell(const std::string& indicator, const std::string& period, const std::string& dimension = "total",
              const std::string& category = "total") const {
        auto found = cells_.find(indicator + "|" + period + "|" + dimension + "|" + category);
        if (found == cells_.end()) throw std::runtime_error("no cell " + indicator + " " + period + " " + category);
        return found->second;
    }

    /// Every count of truth/indicators.json, year by year, equals the engine's.
    void expectTruth() const {
        const auto truth = common::readJsonFile(truthFile_);
        ASSERT_TRUE(truth.HasMember("years")) << truthFile_;
        int years = 0;
        for (const auto& [yearValue, t] : truth["years"].GetObject()) {
            const std::string year = yearValue.GetString();
            SCOPED_TRACE(year);
            ++years;
            EXPECT_EQ(cell("deltagare", year).numerator, t["deltagare"].GetInt64());
            EXPECT_EQ(cell("deltagare_anonyma", year).numerator, t["deltagare_anonyma"].GetInt64());
            EXPECT_EQ(cell("nya_deltagare", year).numerator, t["nya_deltagare"].GetInt64());
            EXPECT_EQ(cell("avslutade", year).numerator, t["avslutade"].GetInt64());
            const auto andel = cell("andel_arbete_studier", year);
            EXPECT_EQ(andel.numerator, t["andel_arbete_studier"]["numerator"].GetInt64());
            EXPECT_EQ(andel.denominator, t["andel_arbete_studier"]["denominator"].GetInt64());
            for (const char* bucket : {"1-6", "7-12", "13-"}) {
                EXPECT_EQ(cell("tid_i_insats", year, "tid_i_insats", bucket).numerator,
                          t["tid_i_insats"][bucket].GetInt64())
                    << bucket;
            }
            for (const char* group : {"16-29", "30-44", "45-59", "60-"}) {
                EXPECT_EQ(cell("nya_deltagare", year, "aldersgrupp", group).numerator,
                          t["aldersgrupp_vid_start"][group].GetInt64())
                    << group;
            }
            expectDistribution(t["forsorjning_fore"], "forsorjning_fore", year, "forsorjning_fore", "personer");
            expectDistribution(t["tid_i_offentlig_forsorjning"], "tid_i_offentlig_forsorjning", year,
                               "tid_i_offentlig_forsorjning");
            expectDistribution(t["forsorjning_efter"], "forsorjning_efter", year, "forsorjning_efter", "deltaganden");
            expectDistribution(t["forandring_offentlig_forsorjning"], "forsorjning_efter", year,
                               "forandring_offentlig_forsorjning");
            // Only the register is ingested: nobody is linked, so no outcome is measurable, and the release says why.
            expectDistribution(t["utfall_6_manader"]["matbarhet"], "utfall_6_manader", year, "matbarhet_6_manader");
            expectDistribution(t["utfall_12_manader"]["matbarhet"], "utfall_12_manader", year, "matbarhet_12_manader");
            EXPECT_GT(t["avslutade"].GetInt64(), 10) << "a world where something happens";
            EXPECT_GT(t["deltagare_anonyma"].GetInt64(), 0);
        }
        EXPECT_EQ(years, 3);
    }

    /// A category's count, 0 when the release has no such cell (a category nobody falls in may be left out).
    std::int64_t count(const std::string& indicator, const std::string& period, const std::string& dimension,
                       const std::string& category) const {
        auto found = cells_.find(indicator + "|" + period + "|" + dimension + "|" + category);
        return found == cells_.end() ? 0 : found->second.numerator;
    }

    /// Every category of a truth object equals the engine's count; `population` names the key that holds the
    /// distribution's denominator instead.
    void expectDistribution(const rapidjson::Value& truth, const std::string& indicator, const std::string& period,
                            const std::string& dimension, const std::string& population = "") const {
        ASSERT_TRUE(truth.IsObject()) << indicator;
        for (const auto& [key, value] : truth.GetObject()) {
            const std::string category = key.GetString();
            if (category == population) continue;
            EXPECT_EQ(count(indicator, period, dimension, category), value.GetInt64())
                << indicator << " " << dimension << " " << category;
        }
        if (!population.empty()) {
            bool found = false;
            for (const auto& [name, c] : cells_) {
                if (name.rfind(indicator + "|" + period + "|" + dimension + "|", 0) == 0) {
                    EXPECT_EQ(c.denominator, truth[population.c_str()].GetInt64()) << name;
                    found = true;
                }
            }
            EXPECT_TRUE(found) << indicator << " " << dimension;
        }
    }

    /// The share of `category` over the three years: numerators and denominators summed.
    double pooled(const std::string& indicator, const std::string& dimension, const std::string& category) const {
        std::int64_t numerator = 0, denominator = 0;
        for (const char* year : {"2018", "2019", "2020"}) {
            const auto c = cell(indicator, year, dimension, category);
            numerator += c.numerator;
            denominator += c.denominator;
        }
        return denominator > 0 ? static_cast<double>(numerator) / static_cast<double>(denominator) : 0.0;
    }

    /// For person-unit breakdowns (deltagare by a dimension): the category's share of the total, over the years.
    double pooledPersons(const std::string& dimension, const std::string& category) const {
        std::int64_t part = 0, total = 0;
        for (const char* year : {"2018", "2019", "2020"}) {
            part += cell("deltagare", year, dimension, category).numerator;
            total += cell("deltagare", year).numerator;
        }
        return total > 0 ? static_cast<double>(part) / static_cast<double>(total) : 0.0;
    }

    TempDir dir_;
    TestStore store_;
    HubFiles files_;
    std::string truthFile_;
    std::map<std::string, Cell> cells_;
    std::vector<ParticipationFacts> facts_;
};

TEST_P(IndicatorsGeneratedWorldTest, CountsEqualTheGeneratorsOwnTruth) {
    ASSERT_NO_FATAL_FAILURE(ingest(21, 700));
    expectTruth();
}

// Insatser of a few participants each force much secondary suppression; it must fall on them, not on the figures
// analysts compare: every förbund-level headline whose own counts are not small stays published.
TEST_P(IndicatorsGeneratedWorldTest, SecondarySuppressionSparesTheFörbundsHeadlineFigures) {
    ASSERT_NO_FATAL_FAILURE(ingest(3, 400));
    const auto truth = release(1);
    const auto published = release(5);
    ASSERT_EQ(truth.size(), published.size());
    int headlines = 0, suppressedInsatsRows = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const auto& t = truth[i];
        suppressedInsatsRows += !t.insats.empty() && published[i].suppressed;
        if (!t.insats.empty() || (t.dimension != "total" && t.dimension != "jamforelse")) continue;
        const auto n = t.numerator.value_or(0), d = t.denominator.value_or(n);
        auto small = [](std::int64_t v) { return v > 0 && v < 5; };
        if (small(n) || small(d) || small(d - n)) continue;
        ++headlines;
        EXPECT_FALSE(published[i].suppressed) << t.indicator << " " << t.period << " " << t.dimension << " " << n
                                              << "/" << d;
    }
    EXPECT_GT(headlines, 20);
    EXPECT_GT(suppressedInsatsRows, 100) << "the world's insatser are small enough to need suppression";
}

// ../shared/reference/national-figures.md, Malmö 2012–2016. The generator draws each participant at random, so
// a world of this size lands within a few points of each figure (about three standard errors).
TEST_P(IndicatorsGeneratedWorldTest, AWorldShapedLikeMalmöGivesMalmösPublishedSharesBack) {
    ASSERT_NO_FATAL_FAILURE(ingest(5, 3000, {"--profile", "malmo"}));
    expectTruth();  // the engine gives back exactly what the world holds; the world is Malmö within sampling error
    constexpr double kTolerance = 0.035;
    EXPECT_NEAR(pooled("andel_arbete_studier", "total", "total"), 0.07, kTolerance);
    EXPECT_NEAR(pooled("tid_i_insats", "tid_i_insats", "1-6"), 0.82, kTolerance);
    EXPECT_NEAR(pooled("tid_i_insats", "tid_i_insats", "7-12"), 0.11, kTolerance);
    EXPECT_NEAR(pooled("tid_i_insats", "tid_i_insats", "13-"), 0.07, kTolerance);
    EXPECT_NEAR(pooledPersons("aldersgrupp", "16-29"), 0.21, kTolerance);
    EXPECT_NEAR(pooledPersons("aldersgrupp", "30-44"), 0.38, kTolerance);
    EXPECT_NEAR(pooledPersons("aldersgrupp", "45-59"), 0.39, kTolerance);
    EXPECT_NEAR(pooledPersons("utbildningsniva", "grundskola"), 0.35, kTolerance);
    EXPECT_NEAR(pooledPersons("utbildningsniva", "gymnasium"), 0.35, kTolerance);
    EXPECT_NEAR(pooledPersons("utbildningsniva", "hogskola"), 0.15, kTolerance);
    // Support before start: a person may have several types (försörjningsstöd often tops up another), so the
    // main-support shares are a floor for the list's.
    EXPECT_NEAR(pooled("forsorjning_fore", "forsorjning_fore", "sjukpenning"), 0.21, kTolerance);
    EXPECT_GE(pooled("forsorjning_fore", "forsorjning_fore", "forsorjningsstod"), 0.57 - kTolerance);
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorsGeneratedWorldTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
