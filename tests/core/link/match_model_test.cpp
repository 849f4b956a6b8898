// tests/core/link/match_model_test.cpp — agreement levels, patterns, EM recovering known parameters, thresholds.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/match_model.h"

#include <gtest/gtest.h>

#include <random>

#include "core/link/pair_classifier.h"

namespace finsam::link {
namespace {

using identity::EncodedField;

TEST(MatchModelTest, DiceMapsToLevelsAndKonHasNoPartialAgreement) {
    EXPECT_EQ(agreementOf(EncodedField::kNumber, -1), Agreement::kMissing);
    EXPECT_EQ(agreementOf(EncodedField::kNumber, 1.0), Agreement::kExact);
    EXPECT_EQ(agreementOf(EncodedField::kNumber, 0.85), Agreement::kClose);
    EXPECT_EQ(agreementOf(EncodedField::kNumber, 0.7), Agreement::kPartial);
    EXPECT_EQ(agreementOf(EncodedField::kNumber, 0.3), Agreement::kDisagree);
    EXPECT_EQ(agreementOf(EncodedField::kKon, 0.85), Agreement::kDisagree);
}

TEST(MatchModelTest, PatternsPackAndUnpack) {
    for (std::uint16_t index = 0; index < 3125; index += 7) {
        EXPECT_EQ(ComparisonPattern::fromIndex(index).index(), index);
    }
}

// Pairs drawn from a known model: EM must find its m (u fixed from "random pairs" of the non-match law).
TEST(MatchModelTest, EmRecoversTheParametersThePairsWereDrawnFrom) {
    std::mt19937_64 rng(7);
    const std::array<double, 4> m = {0.05, 0.05, 0.10, 0.80}, u = {0.90, 0.06, 0.03, 0.01};  // disagree..exact
    auto draw = [&](const std::array<double, 4>& law) {
        std::discrete_distribution<int> pick(law.begin(), law.end());
        return static_cast<Agreement>(1 + pick(rng));
    };
    std::map<std::uint16_t, std::uint64_t> candidates, random;
    for (int i = 0; i < 200000; ++i) {
        const bool match = i % 5 == 0;  // prior 0.2
        ComparisonPattern pattern;
        for (std::size_t f = 0; f < 4; ++f) {
            pattern.levels[f] = draw(match ? m : u);
        }
        pattern.levels[int(EncodedField::kKon)] = Agreement::kMissing;
        ++candidates[pattern.index()];
        ComparisonPattern chance;
        for (std::size_t f = 0; f < 4; ++f) {
            chance.levels[f] = draw(u);
        }
        chance.levels[int(EncodedField::kKon)] = Agreement::kMissing;
        ++random[chance.index()];
    }
    const auto start = MatchModel::initial().withChanceAgreement(random);
    const auto model = MatchModel::estimate(candidates, start, true);
    EXPECT_NEAR(model.prior(), 0.2, 0.01);
    for (std::size_t f = 0; f < 4; ++f) {
        EXPECT_NEAR(model.m(EncodedField(f), Agreement::kExact), 0.80, 0.02);
        EXPECT_NEAR(model.u(EncodedField(f), Agreement::kDisagree), 0.90, 0.01);
    }
    ComparisonPattern allExact, allDisagree;
    allExact.levels = {Agreement::kExact, Agreement::kExact, Agreement::kExact, Agreement::kExact, Agreement::kMissing};
    allDisagree.levels = {Agreement::kDisagree, Agreement::kDisagree, Agreement::kDisagree, Agreement::kDisagree,
                          Agreement::kMissing};
    EXPECT_GT(model.probability(allExact), 0.999);
    EXPECT_LT(model.probability(allDisagree), 0.001);
    EXPECT_GT(model.weight(allExact), 0);
}

// One random pair in 1 000 is a match agreeing on everything: chance agreement must not count it (FEBRL 4 has one
// in 5 000, and the number's true chance agreement is far below that).
TEST(MatchModelTest, ChanceAgreementLeavesOutTheMatchesDrawnAmongRandomPairs) {
    std::mt19937_64 rng(11);
    const std::array<double, 4> chance = {0.9997, 0.0001, 0.0001, 0.0001};  // disagree..exact
    std::discrete_distribution<int> pick(chance.begin(), chance.end());
    std::map<std::uint16_t, std::uint64_t> random;
    double exactNumbers = 0;
    const int draws = 1000000;
    for (int i = 0; i < draws; ++i) {
        ComparisonPattern pattern;
        for (std::size_t f = 0; f < 4; ++f) {
            pattern.levels[f] = i % 1000 == 0 ? Agreement::kExact : static_cast<Agreement>(1 + pick(rng));
        }
        pattern.levels[int(EncodedField::kKon)] = Agreement::kMissing;
        exactNumbers += pattern.levels[0] == Agreement::kExact ? 1 : 0;
        ++random[pattern.index()];
    }
    const auto model = MatchModel::initial().withChanceAgreement(random);
    EXPECT_GT(exactNumbers / draws, 0.0009) << "the matches are in the sample";
    EXPECT_NEAR(model.u(EncodedField::kNumber, Agreement::kExact), 0.0001, 0.00004);
    EXPECT_NEAR(model.u(EncodedField::kNumber, Agreement::kDisagree), 0.9997, 0.0001);
}

TEST(MatchModelTest, JsonRoundTripsAndRejectsAnIncompleteModel) {
    const auto model = MatchModel::initial();
    auto back = MatchModel::fromJson(model.toJson());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->toJson(), model.toJson());
    EXPECT_FALSE(MatchModel::fromJson("{\"prior\":0.1}"));
    EXPECT_FALSE(MatchModel::fromJson("not json"));
}

TEST(MatchModelTest, ThresholdsSplitLinkReviewAndApart) {
    MatchThresholds thresholds{0.9, 0.5};
    EXPECT_EQ(classify(0.95, thresholds), MatchClass::kLink);
    EXPECT_EQ(classify(0.9, thresholds), MatchClass::kLink);
    EXPECT_EQ(classify(0.7, thresholds), MatchClass::kReview);
    EXPECT_EQ(classify(0.49, thresholds), MatchClass::kApart);
}

}  // namespace
}  // namespace finsam::link
