// tests/plugins/http_client/backoff_test.cpp — the pure parts of the retry policy: back-off caps, full
// jitter and Retry-After parsing.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "plugins/http-client/src/backoff.h"
#include "plugins/http-client/src/retry_after.h"

namespace finsam::http_client::detail {
namespace {

using std::chrono::milliseconds;

TEST(Backoff, CapDoublesFromBaseUpToMaxDelay) {
    const RetryPolicy policy;  // 500 ms base, 30 s cap
    const std::vector<long> expected = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
    for (int retry = 1; retry <= 8; ++retry) {
        EXPECT_EQ(backoffCap(policy, retry).count(), expected[retry - 1]) << "retry " << retry;
    }
    EXPECT_EQ(backoffCap(policy, 100000).count(), 30000);  // no overflow on long runs
}

TEST(Backoff, FullJitterStaysWithinZeroAndTheCapAndSpreads) {
    const RetryPolicy policy;
    std::mt19937_64 random(42);
    std::set<long> seen;
    for (int i = 0; i < 2000; ++i) {
        const milliseconds wait = backoffDelay(policy, 3, random);
        ASSERT_GE(wait.count(), 0);
        ASSERT_LE(wait.count(), 2000);
        seen.insert(wait.count());
    }
    EXPECT_LT(*seen.begin(), 200);
    EXPECT_GT(*seen.rbegin(), 1800);
    EXPECT_GT(seen.size(), 500u);
}

TEST(RetryAfter, DeltaSecondsAndHttpDates) {
    const std::time_t now = 1445412480;  // Wed, 21 Oct 2015 07:28:00 GMT
    EXPECT_EQ(parseRetryAfter("2", now), milliseconds(2000));
    EXPECT_EQ(parseRetryAfter(" 120 ", now), milliseconds(120000));
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now), milliseconds(30000));
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), milliseconds(0));  // already past
    EXPECT_EQ(parseRetryAfter("99999999999999999999", now), std::chrono::seconds(1'000'000'000));
    EXPECT_EQ(parseRetryAfter("", now), std::nullopt);
    EXPECT_EQ(parseRetryAfter("soon", now), std::nullopt);
}

}  // namespace
}  // namespace finsam::http_client::detail
