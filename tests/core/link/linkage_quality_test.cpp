// tests/core/link/linkage_quality_test.cpp — the quality line: FEBRL 4 and generated people at the default
// thresholds (bench_linkage prints the full figures). Quality, not speed: safe on a noisy machine.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "tests/bench/linkage_evaluation.h"

namespace finsam::bench {
namespace {

TEST(LinkageQualityTest, Febrl4LinksNearlyEveryTruePairAndNoFalseOne) {
    const auto key = evaluationPseudonymizer();
    identity::IdentityEncoder encoder(key);
    const auto quality = evaluate(loadFebrl4(std::string(FINSAM_TEST_DATA_DIR) + "/febrl", encoder), {});
    EXPECT_EQ(quality.truePairs, 5000U);
    EXPECT_GE(quality.blockingRecall, 0.995);
    EXPECT_LE(quality.pairsPerRecord, 3.0);
    EXPECT_GE(quality.precision, 0.995);
    EXPECT_GE(quality.f1, 0.99);  // measured 0.9933 at 0.90 / 0.50
}

TEST(LinkageQualityTest, GeneratedPeopleWithAMistypedDigitAreFoundAtHighPrecision) {
    const auto key = evaluationPseudonymizer();
    identity::IdentityEncoder encoder(key);
    const auto quality = evaluate(generatedPeople(6000, 11, encoder), {});
    EXPECT_GE(quality.precision, 0.995);
    for (const char* error : {"typo", "transposition", "samordning", "missing", ""}) {
        const auto& [found, total] = quality.recallByError.at(error);
        ASSERT_GT(total, 0U) << error;
        EXPECT_GE(double(found) / double(total), 0.95) << (*error ? error : "no error");
    }
}

}  // namespace
}  // namespace finsam::bench
