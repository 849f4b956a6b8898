// tests/core/identity/pseudonymizer_test.cpp — link keys: HMAC-SHA256 (RFC 4231), per key and kind,
// chained across rotated keys.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/pseudonymizer.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace finsam::identity {
namespace {

const std::string kSecretA = "0123456789abcdef0123456789abcdef";
const std::string kSecretB = "fedcba9876543210fedcba9876543210";
const std::string kSecretC = "00112233445566778899aabbccddeeff";

// RFC 4231 §4.2, §4.3 and §4.7: HMAC-SHA-256 test cases 1, 2 and 6 (key longer than a block).
TEST(Pseudonymizer, MacMatchesRfc4231Vectors) {
    EXPECT_EQ(Pseudonymizer({"t1", std::string(20, '\x0b')}).mac("Hi There"),
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    EXPECT_EQ(Pseudonymizer({"t2", "Jefe"}).mac("what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    EXPECT_EQ(Pseudonymizer({"t6", std::string(131, '\xaa')})
                  .mac("Test Using Larger Than Block-Size Key - Hash Key First"),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(Pseudonymizer, LinkKeyIsTheMacOfKindAndNumber) {
    const Pseudonymizer p({"k1", kSecretA});
    const LinkKey key = p.linkKey(IdentityKind::kPersonnummer, "199001011239");
    EXPECT_EQ(key.keyId, "k1");
    EXPECT_EQ(key.value, p.mac("personnummer:199001011239"));
    EXPECT_EQ(key.value.size(), 64u);
    EXPECT_EQ(key.value.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(p.linkKey(IdentityKind::kSamordningsnummer, "199001611236").value,
              p.mac("samordningsnummer:199001611236"));
    EXPECT_EQ(p.keyId(), "k1");
}

TEST(Pseudonymizer, LinkKeyIsStable) {
    const Pseudonymizer p({"k1", kSecretA});
    const Pseudonymizer same({"k1", kSecretA});
    EXPECT_EQ(p.linkKey(IdentityKind::kPersonnummer, "199001011239").value,
              same.linkKey(IdentityKind::kPersonnummer, "199001011239").value);
}

TEST(Pseudonymizer, LinkKeyDiffersByKindByKeyAndByNumber) {
    const Pseudonymizer a({"k1", kSecretA});
    const Pseudonymizer b({"k2", kSecretB});
    const std::string number = "199001011239";
    const LinkKey base = a.linkKey(IdentityKind::kPersonnummer, number);
    EXPECT_NE(base.value, a.linkKey(IdentityKind::kSamordningsnummer, number).value);
    const LinkKey rotated = b.linkKey(IdentityKind::kPersonnummer, number);
    EXPECT_NE(base.value, rotated.value);
    EXPECT_EQ(rotated.keyId, "k2");
    EXPECT_NE(base.value, a.linkKey(IdentityKind::kPersonnummer, "199001011247").value);
}

TEST(Pseudonymizer, LocalKeysLinkOnlyWithinTheirIssuer) {
    const Pseudonymizer p({"k1", kSecretA});
    const LinkKey key = p.localKey("region-x", "R123");
    EXPECT_EQ(key.keyId, "k1");
    EXPECT_EQ(key.value, p.mac("local:region-x:R123"));
    EXPECT_NE(key.value, p.localKey("region-y", "R123").value);
    EXPECT_NE(key.value, p.mac("R123"));
}

TEST(Pseudonymizer, RefusesAnEmptySecret) {
    EXPECT_THROW(Pseudonymizer({"k1", ""}), std::invalid_argument);
}

// Stores made before rotation existed must keep their values: a chain of one is the plain HMAC.
TEST(PseudonymizerChain, ChainOfOneIsThePlainHmac) {
    const Pseudonymizer single({"k1", kSecretA});
    const Pseudonymizer chain = Pseudonymizer::fromChain({{"k1", kSecretA}});
    const std::string number = "199001011239";
    EXPECT_EQ(chain.linkKey(IdentityKind::kPersonnummer, number).value,
              single.linkKey(IdentityKind::kPersonnummer, number).value);
    EXPECT_EQ(chain.localKey("region-x", "R123").value, single.localKey("region-x", "R123").value);
    EXPECT_EQ(chain.keyId(), "k1");
    // RFC 4231 test case 2 through the chain: nothing is added around the message.
    EXPECT_EQ(Pseudonymizer::fromChain({{"t2", "Jefe"}}).mac("what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(PseudonymizerChain, ChainOfTwoIsTheNewKeyOverTheOldHex) {
    const Pseudonymizer k1({"k1", kSecretA});
    const Pseudonymizer k2({"k2", kSecretB});
    const Pseudonymizer chain = Pseudonymizer::fromChain({{"k1", kSecretA}, {"k2", kSecretB}});
    const std::string number = "199001011239";
    const std::string old = k1.linkKey(IdentityKind::kPersonnummer, number).value;
    const LinkKey rotated = chain.linkKey(IdentityKind::kPersonnummer, number);
    EXPECT_EQ(rotated.value, k2.mac(old)) << "exactly what rekey writes over a stored value";
    EXPECT_EQ(rotated.keyId, "k2");
    EXPECT_EQ(chain.keyId(), "k2");
    EXPECT_EQ(chain.keyIds(), (std::vector<std::string>{"k1", "k2"}));
    EXPECT_NE(rotated.value, old);
    EXPECT_NE(rotated.value, k2.linkKey(IdentityKind::kPersonnummer, number).value)
        << "the new key alone does not reproduce the chain";
    EXPECT_EQ(rotated.value.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(chain.localKey("region-x", "R123").value,
              k2.mac(k1.localKey("region-x", "R123").value));
    EXPECT_EQ(chain.mac("any text"), k2.mac(k1.mac("any text")));
    EXPECT_NE(chain.linkKey(IdentityKind::kSamordningsnummer, number).value, rotated.value);
}

TEST(PseudonymizerChain, EachRotationAppliesOneMoreKeyInOrder) {
    const Pseudonymizer k1({"k1", kSecretA});
    const Pseudonymizer k2({"k2", kSecretB});
    const Pseudonymizer k3({"k3", kSecretC});
    const auto chain =
        Pseudonymizer::fromChain({{"k1", kSecretA}, {"k2", kSecretB}, {"k3", kSecretC}});
    const std::string number = "199001611236";
    EXPECT_EQ(chain.linkKey(IdentityKind::kSamordningsnummer, number).value,
              k3.mac(k2.mac(k1.linkKey(IdentityKind::kSamordningsnummer, number).value)));
    const auto reversed =
        Pseudonymizer::fromChain({{"k3", kSecretC}, {"k2", kSecretB}, {"k1", kSecretA}});
    EXPECT_NE(reversed.linkKey(IdentityKind::kSamordningsnummer, number).value,
              chain.linkKey(IdentityKind::kSamordningsnummer, number).value)
        << "the order of the chain matters";
}

// What the store held before each rotation, in order: a citation held then is tagged with one of these.
TEST(PseudonymizerChain, TheHistoryIsTheLinkKeyAsEachKeyOfTheChainLeftIt) {
    const Pseudonymizer k1({"k1", kSecretA});
    const Pseudonymizer k2({"k2", kSecretB});
    const auto chain = Pseudonymizer::fromChain({{"k1", kSecretA}, {"k2", kSecretB}, {"k3", kSecretC}});
    const std::string number = "199001011239";
    const auto history = chain.linkKeyHistory(IdentityKind::kPersonnummer, number);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[0].keyId, "k1");
    EXPECT_EQ(history[0].value, k1.linkKey(IdentityKind::kPersonnummer, number).value);
    EXPECT_EQ(history[1].keyId, "k2");
    EXPECT_EQ(history[1].value, Pseudonymizer::fromChain({{"k1", kSecretA}, {"k2", kSecretB}})
                                    .linkKey(IdentityKind::kPersonnummer, number)
                                    .value);
    EXPECT_EQ(history[2].keyId, "k3");
    EXPECT_EQ(history[2].value, chain.linkKey(IdentityKind::kPersonnummer, number).value);
    EXPECT_NE(history[1].value, k2.linkKey(IdentityKind::kPersonnummer, number).value);
    EXPECT_EQ(k1.linkKeyHistory(IdentityKind::kPersonnummer, number).size(), 1u);

    const auto local = chain.localKeyHistory("region-x", "R123");
    ASSERT_EQ(local.size(), 3u);
    EXPECT_EQ(local[0].value, k1.localKey("region-x", "R123").value);
    EXPECT_EQ(local[2].value, chain.localKey("region-x", "R123").value);
    EXPECT_EQ(local[2].keyId, "k3");
}

TEST(PseudonymizerChain, RefusesAnEmptyChainARepeatedIdAndAnEmptySecret) {
    EXPECT_THROW(Pseudonymizer::fromChain({}), std::invalid_argument);
    EXPECT_THROW(Pseudonymizer::fromChain({{"k1", kSecretA}, {"k1", kSecretB}}),
                 std::invalid_argument);
    EXPECT_THROW(Pseudonymizer::fromChain({{"k1", kSecretA}, {"k2", ""}}), std::invalid_argument);
}

}  // namespace
}  // namespace finsam::identity
