// tests/core/http/leak_scan_test.cpp — the scanner every test's HTTP answers pass through finds what it must.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "tests/support/hub_fixture.h"
#include "tests/support/leak_scan.h"

namespace finsam::testing {
namespace {

// Generated, not real: 19900101-0017 has a valid Luhn digit; 19900101-0018 does not.
TEST(LeakScanTest, FindsValidNumbersInEverySpellingAndNothingElse) {
    EXPECT_EQ(validIdentityNumbersIn("{\"x\":\"19900101-0017\"}"), std::vector<std::string>{"19900101-0017"});
    EXPECT_EQ(validIdentityNumbersIn("a 199001010017 b"), std::vector<std::string>{"199001010017"});
    EXPECT_EQ(validIdentityNumbersIn("[9001010017]"), std::vector<std::string>{"9001010017"});
    EXPECT_EQ(validIdentityNumbersIn("900101+0017,"), std::vector<std::string>{"900101+0017"});
    EXPECT_TRUE(validIdentityNumbersIn("19900101-0018").empty());                // Luhn fails
    EXPECT_TRUE(validIdentityNumbersIn("ab199001010017cd").empty());             // inside a hex id
    EXPECT_TRUE(validIdentityNumbersIn("1199001010017").empty());                // 13 digits
    EXPECT_TRUE(validIdentityNumbersIn("{\"budget_kr\":\"2875000\",\"seq\":12}").empty());
}

TEST(LeakScanTest, FindsTheTestTokens) {
    EXPECT_EQ(testTokensIn(std::string("x") + kReaderToken + "y").size(), 1u);
    EXPECT_TRUE(testTokensIn("{\"token\":\"reader\"}").empty());
}

}  // namespace
}  // namespace finsam::testing
