// tests/core/store/connector_control_test.cpp — a connector's lease is exclusive until it runs out; requests
// clear only when served; runs record their outcome and a dead runner's run is found abandoned. Both backends.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "core/common/clock.h"
#include "core/store/connector_control.h"
#include "core/store/connector_runs.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

using std::chrono::milliseconds;

class ConnectorControlTest : public ::testing::TestWithParam<TestBackend> {
protected:
    ConnectorControlTest() : store_(GetParam()), db_(store_.open()), control_(*db_), runs_(*db_) {}

    static std::string in(int ms) { return common::isoUtcIn(milliseconds(ms)); }

    TestStore store_;
    std::unique_ptr<store::Database> db_;
    store::ConnectorControl control_;
    store::ConnectorRuns runs_;
};

TEST_P(ConnectorControlTest, TheLeaseIsExclusiveUntilReleasedOrRunOut) {
    ASSERT_TRUE(control_.claimLease("af", "a", in(0), in(30000)));
    EXPECT_FALSE(control_.claimLease("af", "b", in(0), in(30000))) << "held by a";
    EXPECT_TRUE(control_.claimLease("fk", "b", in(0), in(30000))) << "leases are per connector";
    EXPECT_TRUE(control_.claimLease("af", "a", in(0), in(30000))) << "the holder may claim again";
    ASSERT_TRUE(control_.leaseHolder("af", in(0)));
    EXPECT_EQ(control_.leaseHolder("af", in(0))->owner, "a");
    EXPECT_TRUE(control_.renewLease("af", "a", in(30000)));
    EXPECT_FALSE(control_.renewLease("af", "b", in(30000))) << "only the holder renews";

    // A dead holder's lease runs out: seen from 31 s on, it is free and another instance takes it.
    EXPECT_FALSE(control_.leaseHolder("af", in(31000)));
    ASSERT_TRUE(control_.claimLease("af", "b", in(31000), in(60000)));
    EXPECT_FALSE(control_.renewLease("af", "a", in(30000))) << "the old holder lost it";

    control_.releaseLease("af", "a");  // not a's any more: nothing happens
    EXPECT_EQ(control_.leaseHolder("af", in(0))->owner, "b");
    control_.releaseLease("af", "b");
    EXPECT_FALSE(control_.leaseHolder("af", in(0)));
    EXPECT_TRUE(control_.claimLease("af", "a", in(0), in(30000)));
}

TEST_P(ConnectorControlTest, PauseAndRequestsPersistUntilServed) {
    EXPECT_FALSE(control_.read("af").paused);
    control_.setPaused("af", true);
    EXPECT_TRUE(control_.read("af").paused);
    control_.requestRun("af", false);
    const auto seen = control_.read("af");
    EXPECT_FALSE(seen.runRequestedAt.empty());
    EXPECT_TRUE(seen.reprocessRequestedAt.empty());
    control_.requestRun("af", true);
    const auto both = control_.read("af");
    EXPECT_FALSE(both.reprocessRequestedAt.empty());
    // Clearing what one run saw leaves the other request pending.
    control_.clearRequests("af", {false, "", both.reprocessRequestedAt});
    EXPECT_TRUE(control_.read("af").reprocessRequestedAt.empty());
    EXPECT_FALSE(control_.read("af").runRequestedAt.empty());
    control_.clearRequests("af", {false, "2000-01-01T00:00:00.000Z", ""});
    EXPECT_FALSE(control_.read("af").runRequestedAt.empty()) << "a newer request is not cleared by an older run";
    control_.clearRequests("af", control_.read("af"));
    EXPECT_TRUE(control_.read("af").runRequestedAt.empty());
    EXPECT_TRUE(control_.read("af").paused) << "serving requests does not unpause";
    control_.setPaused("af", false);
    EXPECT_FALSE(control_.read("af").paused);
}

TEST_P(ConnectorControlTest, RunsRecordOutcomesAndFailuresCountUntilASuccess) {
    EXPECT_FALSE(runs_.lastEnded("af"));
    auto first = runs_.start("af", "host/1/x", "schedule");
    EXPECT_EQ(runs_.recent("af", 5).front().status, "running");
    EXPECT_FALSE(runs_.lastEnded("af")) << "a running run has not ended";
    store::ConnectorRun run;
    run.id = first;
    run.status = "ok";
    run.counts = {10, 8, 2, 0, 0};
    run.batches = 2;
    run.events = 9;
    runs_.finish(run);
    for (int i = 0; i < 3; ++i) {
        store::ConnectorRun failed;
        failed.id = runs_.start("af", "host/1/x", "schedule");
        failed.status = "failed";
        failed.error = "connector af: open failed";
        runs_.finish(failed);
    }
    EXPECT_EQ(runs_.consecutiveFailures("af"), 3);
    EXPECT_EQ(runs_.lastEnded("af")->status, "failed");
    EXPECT_EQ(runs_.lastEnded("af")->error, "connector af: open failed");
    const auto ok = runs_.lastSucceeded("af");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->id, first);
    EXPECT_EQ(ok->counts.read, 10);
    EXPECT_EQ(ok->counts.quarantined, 2);
    EXPECT_EQ(ok->events, 9);
    EXPECT_FALSE(ok->finishedAt.empty());

    store::ConnectorRun good;
    good.id = runs_.start("af", "cli@host/2/y", "cli");
    good.status = "ok";
    runs_.finish(good);
    EXPECT_EQ(runs_.consecutiveFailures("af"), 0);
    EXPECT_EQ(runs_.consecutiveFailures("fk"), 0);
}

TEST_P(ConnectorControlTest, ARunLeftRunningByADeadRunnerIsAbandonedByTheNext) {
    const auto dead = runs_.start("af", "host/1/x", "schedule");
    const auto next = runs_.start("af", "host/2/y", "schedule");
    const auto recent = runs_.recent("af", 5);
    ASSERT_EQ(recent.size(), 2u);
    EXPECT_EQ(recent[0].id, next);
    EXPECT_EQ(recent[0].status, "running");
    EXPECT_EQ(recent[1].id, dead);
    EXPECT_EQ(recent[1].status, "abandoned");
}

INSTANTIATE_TEST_SUITE_P(Backends, ConnectorControlTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
