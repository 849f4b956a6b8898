// tests/core/webhook/subscriber_store_test.cpp — registration keeps the cursor; the lease is exclusive; the
// cursor moves only under the lease and from where the batch was read. Both backends.
// SPDX-License-Identifier: Apache-2.0
#include "core/common/clock.h"
#include "core/webhook/subscriber_store.h"

#include <gtest/gtest.h>

#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

using std::chrono::milliseconds;
using webhook::SubscriberStore;

class SubscriberStoreTest : public ::testing::TestWithParam<TestBackend> {
protected:
    SubscriberStoreTest() : store_(GetParam()), db_(store_.open()), subscribers_(*db_) {}

    TestStore store_;
    std::unique_ptr<store::Database> db_;
    SubscriberStore subscribers_;
};

TEST_P(SubscriberStoreTest, RegisteringAgainKeepsTheCursorAndTakesTheNewFilter) {
    subscribers_.registerSubscriber("a", {});
    auto row = subscribers_.find("a");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->cursor, 0);
    EXPECT_TRUE(row->filter.types.empty());
    EXPECT_EQ(row->filter.forbund, "");

    ASSERT_TRUE(subscribers_.claimLease("a", "me", common::isoUtcIn(milliseconds(0)),
                                        common::isoUtcIn(milliseconds(30000))));
    ASSERT_TRUE(subscribers_.recordSuccess("a", "me", 0, 7, 7, "2026-01-01T00:00:00.000Z"));
    subscribers_.registerSubscriber("a", {{"person.linked", "person.unlinked"}, "forbund-x"});
    row = subscribers_.find("a");
    EXPECT_EQ(row->cursor, 7);
    EXPECT_EQ(row->deliveredEvents, 7);
    EXPECT_EQ(row->filter.types, (std::vector<std::string>{"person.linked", "person.unlinked"}));
    EXPECT_EQ(row->filter.forbund, "forbund-x");
    EXPECT_FALSE(subscribers_.find("b"));
}

TEST_P(SubscriberStoreTest, OnlyOneOwnerHoldsTheLeaseUntilItRunsOutOrIsGivenUp) {
    subscribers_.registerSubscriber("a", {});
    const std::string now = common::isoUtcIn(milliseconds(0));
    const std::string later = common::isoUtcIn(milliseconds(30000));
    EXPECT_TRUE(subscribers_.claimLease("a", "one", now, later));
    EXPECT_FALSE(subscribers_.claimLease("a", "two", now, later));
    EXPECT_TRUE(subscribers_.claimLease("a", "one", now, later)) << "the holder renews";
    // Seen from a time after the lease ran out, it is free.
    EXPECT_TRUE(subscribers_.claimLease("a", "two", common::isoUtcIn(milliseconds(31000)),
                                        common::isoUtcIn(milliseconds(61000))));
    EXPECT_FALSE(subscribers_.claimLease("a", "one", now, later));
    subscribers_.releaseLease("a", "one");  // not the holder: changes nothing
    EXPECT_EQ(subscribers_.find("a")->owner, "two");
    subscribers_.releaseLease("a", "two");
    EXPECT_TRUE(subscribers_.claimLease("a", "one", now, later));
}

TEST_P(SubscriberStoreTest, CursorMovesOnlyUnderTheLeaseAndFromTheCursorRead) {
    subscribers_.registerSubscriber("a", {});
    const std::string now = common::isoUtcIn(milliseconds(0));
    ASSERT_TRUE(subscribers_.claimLease("a", "one", now, common::isoUtcIn(milliseconds(30000))));
    EXPECT_FALSE(subscribers_.recordSuccess("a", "two", 0, 5, 5, now)) << "not the holder";
    EXPECT_FALSE(subscribers_.recordFailure("a", "two", "HTTP 500", now, now)) << "not the holder";
    EXPECT_FALSE(subscribers_.recordSuccess("a", "one", 3, 5, 2, now)) << "the cursor is at 0, not 3";
    EXPECT_EQ(subscribers_.find("a")->cursor, 0);

    EXPECT_TRUE(subscribers_.recordFailure("a", "one", "HTTP 500", now, common::isoUtcIn(milliseconds(900))));
    EXPECT_TRUE(subscribers_.recordFailure("a", "one", "HTTP 503", now, common::isoUtcIn(milliseconds(1900))));
    auto row = subscribers_.find("a");
    EXPECT_EQ(row->consecutiveFailures, 2);
    EXPECT_EQ(row->lastError, "HTTP 503");
    EXPECT_EQ(row->cursor, 0);
    EXPECT_FALSE(row->nextAttemptAt.empty());
    EXPECT_TRUE(row->lastSuccessAt.empty());

    EXPECT_TRUE(subscribers_.recordSuccess("a", "one", 0, 5, 5, now));
    row = subscribers_.find("a");
    EXPECT_EQ(row->cursor, 5);
    EXPECT_EQ(row->consecutiveFailures, 0);
    EXPECT_EQ(row->lastError, "");
    EXPECT_EQ(row->nextAttemptAt, "");
    EXPECT_EQ(row->lastSuccessAt, now);
}

INSTANTIATE_TEST_SUITE_P(Backends, SubscriberStoreTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
