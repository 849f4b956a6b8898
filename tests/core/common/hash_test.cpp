// tests/core/common/hash_test.cpp — the token comparison looks at every byte, whatever differs first.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "core/common/hash.h"

namespace finsam::common {
namespace {

TEST(ConstantTimeEqualsTest, EqualOnlyWhenEveryByteIsEqual) {
    const std::string hash = sha256Hex("a token");
    EXPECT_TRUE(constantTimeEquals(hash, sha256Hex("a token")));
    for (std::size_t i = 0; i < hash.size(); ++i) {
        std::string other = hash;
        other[i] = static_cast<char>(other[i] ^ 0x01);
        EXPECT_FALSE(constantTimeEquals(hash, other)) << "a difference at byte " << i;
    }
    EXPECT_FALSE(constantTimeEquals(hash, hash.substr(0, 63)));
    EXPECT_FALSE(constantTimeEquals(hash, hash + "0"));
    EXPECT_TRUE(constantTimeEquals("", ""));
}

}  // namespace
}  // namespace finsam::common
