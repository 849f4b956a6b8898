// tests/plugins/http_client/token_response_test.cpp — what a token endpoint may answer that the client must survive.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <string>

#include "plugins/http-client/src/token_response.h"

namespace finsam::http_client::detail {
namespace {

std::optional<std::chrono::seconds> expiresIn(const std::string& value) {
    const auto token = parseTokenResponse(R"({"access_token":"t","expires_in":)" + value + "}");
    EXPECT_TRUE(token.has_value()) << value;
    return token ? token->expiresIn : std::nullopt;
}

TEST(TokenResponseTest, ALifetimeIsReadAsANumberOrADigitString) {
    EXPECT_EQ(expiresIn("3600"), std::chrono::seconds(3600));
    EXPECT_EQ(expiresIn("\"3600\""), std::chrono::seconds(3600));
    EXPECT_EQ(expiresIn("\"36x0\""), std::nullopt);
}

// 1e300 overflowed the conversion to an integer (undefined behaviour, an abort under the sanitizers), and 10^10
// seconds the clock's nanoseconds.
TEST(TokenResponseTest, AHugeLifetimeIsTakenAsAYearAndANegativeOneAsAbsent) {
    const auto year = std::chrono::seconds(365 * 24 * 3600);
    EXPECT_EQ(expiresIn("1e300"), year);
    EXPECT_EQ(expiresIn("10000000000"), year);
    EXPECT_EQ(expiresIn("\"99999999999999999999999\""), year);
    EXPECT_EQ(expiresIn("-5"), std::nullopt);
}

TEST(TokenResponseTest, ABodyNestedTooDeepIsNotATokenAndDoesNotOverflowTheStack) {
    EXPECT_EQ(parseTokenResponse(std::string(1 << 20, '[')), std::nullopt);
    EXPECT_EQ(parseTokenResponse("not json"), std::nullopt);
}

}  // namespace
}  // namespace finsam::http_client::detail
