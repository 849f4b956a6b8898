// tests/core/identity/pseudonymizer_test.cpp — link keys: HMAC-SHA256 (RFC 4231), per key and kind.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/pseudonymizer.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace finsam::identity {
namespace {

const std::string kSecretA = "0123456789abcdef0123456789abcdef";
const std::string kSecretB = "fedcba9876543210fedcba9876543210";

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

}  // namespace
}  // namespace finsam::identity
