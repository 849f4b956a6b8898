// tests/core/link/encoding_similarity_test.cpp — Dice on encodings: bounds, both popcount paths, fields.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/encoding_similarity.h"

#include <gtest/gtest.h>

#include <random>

#include "core/identity/identity_encoder.h"

namespace finsam::link {
namespace {

using identity::EncodedField;
using identity::IdentityEncoder;
using identity::IdentityFields;

class EncodingSimilarityTest : public ::testing::Test {
protected:
    identity::Pseudonymizer key_{{"k1", std::string(32, 'a')}};
    IdentityEncoder encoder_{key_};
};

TEST_F(EncodingSimilarityTest, DiceIsOneForTheSameAndLowForStrangers) {
    const auto a = encoder_.encode({"198503121231", "Anna", "Öberg", "19850312", "kvinna"});
    const auto b = encoder_.encode({"197602182342", "Per", "Lindqvist", "19760218", "man"});
    EXPECT_DOUBLE_EQ(dice(a, a), 1.0);
    EXPECT_LT(dice(a, b), 0.5);
    EXPECT_DOUBLE_EQ(dice(identity::IdentityEncoding{}, identity::IdentityEncoding{}), 0.0);
}

TEST_F(EncodingSimilarityTest, HardwareAndPortablePopcountAgreeOnRandomBits) {
    std::mt19937_64 rng(42);
    std::vector<identity::IdentityEncoding> encodings(300);
    for (auto& encoding : encodings) {
        for (auto& word : encoding.words) {
            word = rng() & rng();  // about a quarter of the bits, like a filled encoding
        }
    }
    std::vector<double> fast(encodings.size()), portable(encodings.size());
    diceMany(encodings[0], encodings.data(), encodings.size(), fast.data());
    diceManyPortable(encodings[0], encodings.data(), encodings.size(), portable.data());
    for (std::size_t i = 0; i < encodings.size(); ++i) {
        EXPECT_DOUBLE_EQ(fast[i], portable[i]);
        EXPECT_DOUBLE_EQ(fast[i], dice(encodings[0], encodings[i]));
    }
}

TEST_F(EncodingSimilarityTest, FieldsAgreeOneByOneAndAMissingFieldIsMissing) {
    const auto af = encoder_.encode({"198503121231", "Anna", "Öberg", "19850312", "kvinna"});
    IdentityFields fk;
    fk.number = "198503121249";  // one digit of the serial mistyped, the check digit recomputed
    fk.fodelsedatum = "19850312";
    fk.kon = "kvinna";
    const auto similarity = compareFields(af, encoder_.encode(fk));
    EXPECT_EQ(similarity.dice[int(EncodedField::kFornamn)], FieldSimilarity::kMissing);
    EXPECT_EQ(similarity.dice[int(EncodedField::kEfternamn)], FieldSimilarity::kMissing);
    EXPECT_DOUBLE_EQ(similarity.dice[int(EncodedField::kFodelsedatum)], 1.0);
    EXPECT_DOUBLE_EQ(similarity.dice[int(EncodedField::kKon)], 1.0);
    EXPECT_GT(similarity.dice[int(EncodedField::kNumber)], 0.0);
    EXPECT_LT(similarity.dice[int(EncodedField::kNumber)], 0.99);
}

TEST_F(EncodingSimilarityTest, GivenNameAndSurnameInEachOthersPlaceStillAgree) {
    const auto right = encoder_.encode({"198503121231", "Anna", "Öberg", "19850312", "kvinna"});
    const auto swapped = encoder_.encode({"198503121231", "Öberg", "Anna", "19850312", "kvinna"});
    const auto similarity = compareFields(right, swapped);
    EXPECT_DOUBLE_EQ(similarity.dice[int(EncodedField::kFornamn)], 1.0);
    EXPECT_DOUBLE_EQ(similarity.dice[int(EncodedField::kEfternamn)], 1.0);
}

}  // namespace
}  // namespace finsam::link
