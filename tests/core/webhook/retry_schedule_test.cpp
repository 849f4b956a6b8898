// tests/core/webhook/retry_schedule_test.cpp — the back-off grows exponentially, is capped, and is jittered.
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/retry_schedule.h"

#include <gtest/gtest.h>

namespace finsam::webhook {
namespace {

using std::chrono::milliseconds;

TEST(RetrySchedule, CapDoublesPerFailureUpToTheMaximum) {
    RetrySchedule schedule(milliseconds(1000), milliseconds(300000));
    EXPECT_EQ(schedule.cap(1), milliseconds(1000));
    EXPECT_EQ(schedule.cap(2), milliseconds(2000));
    EXPECT_EQ(schedule.cap(3), milliseconds(4000));
    EXPECT_EQ(schedule.cap(9), milliseconds(256000));
    EXPECT_EQ(schedule.cap(10), milliseconds(300000));
    EXPECT_EQ(schedule.cap(1000000), milliseconds(300000)) << "a receiver down for months keeps the cap";
}

TEST(RetrySchedule, DelaysAreFullJitterWithinTheCap) {
    RetrySchedule schedule(milliseconds(100), milliseconds(1600));
    for (std::int64_t failures : {1, 3, 5, 40}) {
        milliseconds longest{0};
        milliseconds shortest = schedule.cap(failures);
        for (int draw = 0; draw < 400; ++draw) {
            const milliseconds delay = schedule.delay(failures);
            ASSERT_GE(delay, milliseconds(0));
            ASSERT_LE(delay, schedule.cap(failures));
            longest = std::max(longest, delay);
            shortest = std::min(shortest, delay);
        }
        // Uniform over [0, cap]: 400 draws reach both ends' quarters.
        EXPECT_GT(longest, schedule.cap(failures) * 3 / 4) << failures;
        EXPECT_LT(shortest, schedule.cap(failures) / 4) << failures;
    }
}

}  // namespace
}  // namespace finsam::webhook
