// tests/core/http/token_authenticator_test.cpp — 401 vs 403 decisions on hashed tokens.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "core/common/hash.h"
#include "core/http/token_authenticator.h"

namespace finsam::http {
namespace {

TEST(TokenAuthenticatorTest, DistinguishesUnknownFromForbidden) {
    TokenAuthenticator auth({{"reader", common::sha256Hex("r-token"), {"feed:read"}},
                             {"stats", common::sha256Hex("s-token"), {"indicators:read"}}});
    EXPECT_EQ(auth.check("Bearer r-token", "feed:read"), AuthResult::kAllowed);
    EXPECT_EQ(auth.check("Bearer s-token", "feed:read"), AuthResult::kForbidden);
    EXPECT_EQ(auth.check("Bearer nope", "feed:read"), AuthResult::kMissingOrUnknown);
    EXPECT_EQ(auth.check("", "feed:read"), AuthResult::kMissingOrUnknown);
    EXPECT_EQ(auth.check("Basic r-token", "feed:read"), AuthResult::kMissingOrUnknown);
    EXPECT_EQ(auth.check("Bearer ", "feed:read"), AuthResult::kMissingOrUnknown);
}

}  // namespace
}  // namespace finsam::http
