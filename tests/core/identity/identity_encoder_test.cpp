// tests/core/identity/identity_encoder_test.cpp — keyed encodings: stable, keyed, field by field; blocking tags.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/identity_encoder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/identity/identity_stage.h"

namespace finsam::identity {
namespace {

// Generated numbers with valid check digits; none is a real person's.
IdentityFields anna() { return {"198503121231", "Anna-Karin", "Öberg", "19850312", "kvinna"}; }

int ones(const IdentityEncoding& e) {
    int n = 0;
    for (auto word : e.words) {
        n += __builtin_popcountll(word);
    }
    return n;
}

bool sharesTag(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const auto& tag) { return std::count(b.begin(), b.end(), tag) > 0; });
}

TEST(IdentityEncoderTest, TheSameIdentityEncodesTheSameUnderOneKeyAndDifferentlyUnderAnother) {
    Pseudonymizer key1({"k1", std::string(32, 'a')}), key2({"k2", std::string(32, 'b')});
    IdentityEncoder encoder1(key1), again(key1), encoder2(key2);
    EXPECT_EQ(encoder1.encode(anna()), again.encode(anna()));
    EXPECT_NE(encoder1.encode(anna()), encoder2.encode(anna()));
    EXPECT_NE(encoder1.blockingTags(anna()), encoder2.blockingTags(anna()));
    EXPECT_EQ(encoder1.keyId(), "k1");
}

TEST(IdentityEncoderTest, EveryGivenFieldIsPresentAndFillsItsOwnSegmentOnly) {
    Pseudonymizer key({"k1", std::string(32, 'a')});
    IdentityEncoder encoder(key);
    const auto full = encoder.encode(anna());
    for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
        EXPECT_TRUE(full.has(EncodedField(f))) << toString(EncodedField(f));
    }
    IdentityFields numberOnly;
    numberOnly.number = "198503121231";
    const auto partial = encoder.encode(numberOnly);
    EXPECT_EQ(partial.present, 1U << static_cast<int>(EncodedField::kNumber));
    const auto& segment = kSegments[static_cast<int>(EncodedField::kNumber)];
    for (std::size_t w = 0; w < kEncodingWords; ++w) {
        const bool inSegment = w >= segment.firstWord && w < std::size_t(segment.firstWord + segment.words);
        if (!inSegment) {
            EXPECT_EQ(partial.words[w], 0U) << "word " << w;
        }
    }
    EXPECT_GT(ones(partial), 0);
    // About half full at most: a saturated filter would agree with anything.
    EXPECT_LT(ones(full), 1024 * 6 / 10);
}

TEST(IdentityEncoderTest, NamesCompareWithoutCaseHyphensOrSpaces) {
    EXPECT_EQ(IdentityEncoder::normaliseName("Anna-Karin"), "annakarin");
    EXPECT_EQ(IdentityEncoder::normaliseName("ÖBERG"), "öberg");
    EXPECT_EQ(IdentityEncoder::normaliseName(" Åsa  Ärlig 3 "), "åsaärlig");
    Pseudonymizer key({"k1", std::string(32, 'a')});
    IdentityEncoder encoder(key);
    IdentityFields shouted = anna();
    shouted.fornamn = "ANNA KARIN";
    shouted.efternamn = "öberg";
    EXPECT_EQ(encoder.encode(anna()), encoder.encode(shouted));
}

TEST(IdentityEncoderTest, HexFormRoundTripsAndRejectsGarbage) {
    Pseudonymizer key({"k1", std::string(32, 'a')});
    const auto encoding = IdentityEncoder(key).encode(anna());
    const std::string hex = encoding.toHex();
    EXPECT_EQ(hex.size(), 258U);
    EXPECT_EQ(IdentityEncoding::fromHex(hex), encoding);
    EXPECT_FALSE(IdentityEncoding::fromHex(hex.substr(1)));
    EXPECT_FALSE(IdentityEncoding::fromHex(std::string(258, 'x')));
}

TEST(IdentityEncoderTest, FillFromTakesOnlyTheFieldsItLacks) {
    Pseudonymizer key({"k1", std::string(32, 'a')});
    IdentityEncoder encoder(key);
    IdentityFields numberOnly;
    numberOnly.number = "198503121231";
    numberOnly.fodelsedatum = "19850312";
    auto fromFk = encoder.encode(numberOnly);
    IdentityFields other = anna();
    other.number = "198503121249";
    const auto fromAf = encoder.encode(other);
    fromFk.fillFrom(fromAf);
    EXPECT_TRUE(fromFk.has(EncodedField::kFornamn));
    EXPECT_EQ(fromFk, encoder.encode(anna())) << "number and date stay the record's own; names and kön are taken";
}

TEST(IdentityEncoderTest, AMistypedNumberOrAMissingOneStillMeetsTheRightRecordInABlock) {
    Pseudonymizer key({"k1", std::string(32, 'a')});
    IdentityEncoder encoder(key);
    const auto right = encoder.blockingTags(anna());
    for (const char* wrong : {"198503121249", "198508121236", "199503121239"}) {
        IdentityFields typo = anna();
        typo.number = wrong;
        typo.fornamn.clear();
        typo.efternamn.clear();
        typo.fodelsedatum = std::string(wrong).substr(0, 8);
        EXPECT_TRUE(sharesTag(right, encoder.blockingTags(typo))) << wrong;
    }
    IdentityFields noNumber = anna();
    noNumber.number.clear();
    noNumber.fodelsedatum.clear();
    EXPECT_TRUE(sharesTag(right, encoder.blockingTags(noNumber)));
    for (const auto& tag : right) {
        EXPECT_EQ(tag.find("198503"), std::string::npos) << "tags are keyed, never the value";
        EXPECT_EQ(tag.find("berg"), std::string::npos);
    }
}

TEST(IdentityStageEncodingTest, NamesAndBirthDateAreEncodedThenErasedFromEveryRecord) {
    Pseudonymizer key({"k1", std::string(32, 'a')});
    IdentityStage stage(key, true);
    model::WorkRecord record;
    record.entity = "ersattningsperiod";
    record.values = {{"personnummer", {"19850312-1231"}},
                     {"fornamn", {"Anna"}},
                     {"efternamn", {"Öberg"}},
                     {"fodelsedatum", {"1985-03-12"}}};
    ASSERT_FALSE(stage.process(record));
    ASSERT_TRUE(record.person);
    EXPECT_EQ(record.person->encoding.size(), 258U);
    EXPECT_FALSE(record.person->blockingTags.empty());
    for (const char* field : {"personnummer", "fornamn", "efternamn", "fodelsedatum"}) {
        EXPECT_FALSE(record.has(field)) << field;
    }

    model::WorkRecord anonymous = record;
    anonymous.person.reset();
    anonymous.values = {{"personnummer", {"19850312-1231"}}, {"fornamn", {"Anna"}}, {"anonym", {"true"}}};
    ASSERT_FALSE(stage.process(anonymous));
    EXPECT_FALSE(anonymous.person);
    EXPECT_FALSE(anonymous.has("fornamn"));

    model::WorkRecord withoutNumber;
    withoutNumber.entity = "deltagande";
    withoutNumber.values = {{"fornamn", {"Anna"}}, {"fodelsedatum", {"1985-03-12"}}};
    ASSERT_FALSE(stage.process(withoutNumber));
    EXPECT_FALSE(withoutNumber.has("fornamn"));
    EXPECT_FALSE(withoutNumber.has("fodelsedatum"));

    IdentityStage plain(key);
    model::WorkRecord unencoded;
    unencoded.values = {{"personnummer", {"19850312-1231"}}, {"fornamn", {"Anna"}}};
    ASSERT_FALSE(plain.process(unencoded));
    EXPECT_TRUE(unencoded.person->encoding.empty());
    EXPECT_FALSE(unencoded.has("fornamn"));
}

// A reservnummer keys a person of its organisation only: the same one for every spelling of it, another for
// another organisation; no number in the encoding; skyddad keeps the key only to anonymise what is held.
TEST(IdentityStageEncodingTest, AReservnummerKeysAPersonOfItsOrganisationOnly) {
    Pseudonymizer key({"k1", std::string(32, 'a')});
    IdentityStage stage(key, true);
    auto read = [&](const std::string& organisation, const std::string& reservnummer, bool skyddad = false) {
        model::WorkRecord record;
        record.entity = "deltagande";
        record.organisation = organisation;
        record.values = {{"reservnummer", {reservnummer}}, {"fornamn", {"Anna"}}, {"kon", {"kvinna"}},
                         {"fodelsear", {"1985"}}, {"fodelsedatum", {"1985-03-12"}}};
        if (skyddad) {
            record.values["skyddad"] = {"true"};
        }
        EXPECT_FALSE(stage.process(record));
        EXPECT_FALSE(record.has("reservnummer"));
        EXPECT_FALSE(record.has("fornamn"));
        return record;
    };
    const auto first = read("region-01", "SLL-R-00042");
    ASSERT_TRUE(first.person);
    EXPECT_EQ(first.person->linkKind, "reservnummer");
    EXPECT_EQ(first.person->linkKey, key.localKey("region-01", "SLL-R-00042").value);
    EXPECT_EQ(first.person->kon, "kvinna");
    EXPECT_EQ(first.person->fodelsear, "1985");
    auto encoding = IdentityEncoding::fromHex(first.person->encoding);
    ASSERT_TRUE(encoding);
    EXPECT_FALSE(encoding->has(EncodedField::kNumber));
    EXPECT_TRUE(encoding->has(EncodedField::kFornamn));
    EXPECT_TRUE(encoding->has(EncodedField::kFodelsedatum));

    EXPECT_EQ(read("region-01", " sll-r-00042").person->linkKey, first.person->linkKey);
    EXPECT_NE(read("region-02", "SLL-R-00042").person->linkKey, first.person->linkKey);

    EXPECT_FALSE(read("region-01", "  ").person) << "spaces are no reservnummer";

    const auto hidden = read("region-01", "SLL-R-00042", true);
    EXPECT_FALSE(hidden.person);
    EXPECT_TRUE(hidden.anonymous);
    ASSERT_TRUE(hidden.protectedPerson);
    EXPECT_EQ(hidden.protectedPerson->linkKey, first.person->linkKey);
}

}  // namespace
}  // namespace finsam::identity
