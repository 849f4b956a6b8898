// tests/core/http/token_authenticator_test.cpp — 401 vs 403 decisions on hashed tokens, and who matched.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "core/common/hash.h"
#include "core/http/token_authenticator.h"

namespace finsam::http {
namespace {

TEST(TokenAuthenticatorTest, DistinguishesUnknownFromForbidden) {
    TokenAuthenticator auth({{"reader", common::sha256Hex("r-token"), {"feed:read"}, ""},
                             {"stats", common::sha256Hex("s-token"), {"indicators:read"}, ""}});
    EXPECT_EQ(auth.check("Bearer r-token", "feed:read"), AuthResult::kAllowed);
    EXPECT_EQ(auth.check("Bearer s-token", "feed:read"), AuthResult::kForbidden);
    EXPECT_EQ(auth.check("Bearer nope", "feed:read"), AuthResult::kMissingOrUnknown);
    EXPECT_EQ(auth.check("", "feed:read"), AuthResult::kMissingOrUnknown);
    EXPECT_EQ(auth.check("Basic r-token", "feed:read"), AuthResult::kMissingOrUnknown);
    EXPECT_EQ(auth.check("Bearer ", "feed:read"), AuthResult::kMissingOrUnknown);
}

TEST(TokenAuthenticatorTest, NamesTheMatchingTokenAndItsForbundLimit) {
    TokenAuthenticator auth({{"reader", common::sha256Hex("r-token"), {"feed:read"}, ""},
                             {"sthlm", common::sha256Hex("f-token"), {"feed:read"}, "forbund-sthlm"}});
    AuthDecision limited = auth.check("Bearer f-token", "feed:read");
    ASSERT_NE(limited.token, nullptr);
    EXPECT_EQ(limited.token->name, "sthlm");
    EXPECT_EQ(limited.token->forbund, "forbund-sthlm");
    AuthDecision open = auth.check("Bearer r-token", "feed:read");
    ASSERT_NE(open.token, nullptr);
    EXPECT_EQ(open.token->forbund, "");
    EXPECT_EQ(auth.check("Bearer x", "feed:read").token, nullptr);
}

}  // namespace
}  // namespace finsam::http
