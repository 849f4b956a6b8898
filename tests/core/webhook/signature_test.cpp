// tests/core/webhook/signature_test.cpp — X-Finsam-Signature against a vector computed independently
// (Python hmac and `openssl dgst -sha256 -hmac`, as docs/webhooks.md shows receivers).
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/signature.h"

#include <gtest/gtest.h>

#include "core/common/hash.h"

namespace finsam::webhook {
namespace {

TEST(WebhookSignature, MatchesAnIndependentlyComputedVector) {
    EXPECT_EQ(signatureOf("whsec-test", "1700000000", R"({"events":[],"next_after":0})"),
              "v1=1d499a600ad85860ae9008cbbaa3dfbf252608ba5bf0269fdd7022b76809e774");
}

TEST(WebhookSignature, CoversTheTimestampAndTheBody) {
    const std::string body = R"({"events":[],"next_after":0})";
    const std::string signature = signatureOf("whsec-test", "1700000000", body);
    EXPECT_NE(signature, signatureOf("whsec-test", "1700000001", body));
    EXPECT_NE(signature, signatureOf("whsec-test", "1700000000", R"({"events":[],"next_after":1})"));
    EXPECT_NE(signature, signatureOf("other-secret", "1700000000", body));
}

// The shared HMAC the pseudonymizer and webhooks use: RFC 4231 test case 2 and a part-wise message.
TEST(WebhookSignature, SharedHmacMatchesRfc4231AndIgnoresHowTheMessageIsCut) {
    EXPECT_EQ(common::hmacSha256Hex("Jefe", "what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    EXPECT_EQ(common::hmacSha256Hex("key", {"The quick brown fox ", "", "jumps over the lazy dog"}),
              "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
}

}  // namespace
}  // namespace finsam::webhook
