// tests/core/scheduler/schedule_test.cpp — when the next run is due: interval, back-off, daily window (local
// time, Europe/Stockholm, across midnight and summer time).
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "core/scheduler/schedule.h"
#include "core/store/connector_runs.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

using scheduler::Clock;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

class ScheduleTest : public ::testing::Test {
protected:
    void SetUp() override {
        const char* previous = std::getenv("TZ");
        previousTz_ = previous == nullptr ? "" : previous;
        hadTz_ = previous != nullptr;
        setenv("TZ", "Europe/Stockholm", 1);
        tzset();
    }
    void TearDown() override {
        if (hadTz_) {
            setenv("TZ", previousTz_.c_str(), 1);
        } else {
            unsetenv("TZ");
        }
        tzset();
    }

    // A Stockholm local time.
    static Clock::time_point local(int year, int month, int day, int hour, int minute) {
        std::tm at{};
        at.tm_year = year - 1900;
        at.tm_mon = month - 1;
        at.tm_mday = day;
        at.tm_hour = hour;
        at.tm_min = minute;
        at.tm_isdst = -1;
        return Clock::from_time_t(std::mktime(&at));
    }

    static config::ScheduleConfig window(int fromMinute, int toMinute) {
        config::ScheduleConfig schedule;
        schedule.windowFromMinute = fromMinute;
        schedule.windowToMinute = toMinute;
        return schedule;
    }

    config::SchedulerConfig scheduler_;  // base 30 s, max 3600 s

private:
    std::string previousTz_;
    bool hadTz_ = false;
};

TEST_F(ScheduleTest, FirstRunIsDueAtOnce) {
    const auto now = local(2026, 11, 23, 10, 0);
    EXPECT_EQ(scheduler::nextRunAt({}, scheduler_, 60, std::nullopt, 0, now), now);
}

TEST_F(ScheduleTest, NextRunIsAnIntervalAfterThePreviousStartAndNeverInThePast) {
    config::ScheduleConfig schedule;
    schedule.intervalSeconds = 300;
    const auto started = local(2026, 11, 23, 10, 0);
    const scheduler::LastRun last{started, started + seconds(40)};
    EXPECT_EQ(scheduler::nextRunAt(schedule, scheduler_, 60, last, 0, started + seconds(50)), started + seconds(300));
    // Without its own interval the hub's poll_seconds counts.
    EXPECT_EQ(scheduler::nextRunAt({}, scheduler_, 60, last, 0, started + seconds(50)), started + seconds(60));
    // Long overdue (the hub was down): due now, not at a time already passed.
    const auto later = started + hours(5);
    EXPECT_EQ(scheduler::nextRunAt(schedule, scheduler_, 60, last, 0, later), later);
}

TEST_F(ScheduleTest, FailuresBackOffExponentiallyUpToTheMaximum) {
    EXPECT_EQ(scheduler::backoffAfter(scheduler_, 1), seconds(30));
    EXPECT_EQ(scheduler::backoffAfter(scheduler_, 2), seconds(60));
    EXPECT_EQ(scheduler::backoffAfter(scheduler_, 5), seconds(480));
    EXPECT_EQ(scheduler::backoffAfter(scheduler_, 8), seconds(3600));
    EXPECT_EQ(scheduler::backoffAfter(scheduler_, 400), seconds(3600));
    const auto finished = local(2026, 11, 23, 10, 0);
    const scheduler::LastRun failed{finished - seconds(5), finished};
    // A failure waits for the back-off, from the end of the failed run, even when the interval is shorter.
    EXPECT_EQ(scheduler::nextRunAt({}, scheduler_, 10, failed, 3, finished + seconds(1)), finished + seconds(120));
}

TEST_F(ScheduleTest, RunsStartOnlyInsideTheDailyWindow) {
    const auto schedule = window(1 * 60, 5 * 60);  // 01:00–05:00
    EXPECT_EQ(scheduler::intoWindow(schedule, local(2026, 11, 23, 2, 30)), local(2026, 11, 23, 2, 30));
    EXPECT_EQ(scheduler::intoWindow(schedule, local(2026, 11, 23, 0, 59)), local(2026, 11, 23, 1, 0));
    EXPECT_EQ(scheduler::intoWindow(schedule, local(2026, 11, 23, 5, 0)), local(2026, 11, 24, 1, 0)) << "to is exclusive";
    EXPECT_EQ(scheduler::intoWindow(schedule, local(2026, 11, 23, 23, 0)), local(2026, 11, 24, 1, 0));
    const auto now = local(2026, 11, 23, 14, 0);
    EXPECT_EQ(scheduler::nextRunAt(schedule, scheduler_, 60, std::nullopt, 0, now), local(2026, 11, 24, 1, 0));
}

TEST_F(ScheduleTest, AWindowMaySpanMidnight) {
    const auto schedule = window(22 * 60, 4 * 60);  // 22:00–04:00
    EXPECT_EQ(scheduler::intoWindow(schedule, local(2026, 11, 23, 23, 30)), local(2026, 11, 23, 23, 30));
    EXPECT_EQ(scheduler::intoWindow(schedule, local(2026, 11, 24, 3, 59)), local(2026, 11, 24, 3, 59));
    EXPECT_EQ(scheduler::intoWindow(schedule, local(2026, 11, 24, 4, 0)), local(2026, 11, 24, 22, 0));
    EXPECT_EQ(scheduler::intoWindow(schedule, local(2026, 11, 24, 12, 0)), local(2026, 11, 24, 22, 0));
}

TEST_F(ScheduleTest, TheWindowFollowsSummerTime) {
    // 2026-03-29: clocks go from 02:00 to 03:00 in Sweden. A 03:00 window start the day before is 24 h away in
    // wall-clock terms but only 23 h in real time.
    const auto schedule = window(3 * 60, 4 * 60);
    const auto before = local(2026, 3, 28, 3, 30);
    const auto next = scheduler::intoWindow(schedule, local(2026, 3, 28, 4, 30));
    EXPECT_EQ(next, local(2026, 3, 29, 3, 0));
    EXPECT_EQ(next - before, hours(23) - minutes(30));
}

TEST(ScheduleFromHistoryTest, ASucceededRunWaitsItsIntervalAnAbandonedOneResumesAtOnce) {
    TestStore store(TestBackend::kSqlite);
    auto db = store.open();
    store::ConnectorRuns runs(*db);
    config::HubConfig hub;
    hub.pollSeconds = 3600;
    config::ConnectorInstanceConfig instance;
    instance.id = "af";

    store::ConnectorRun ok;
    ok.id = runs.start("af", "host/1/a", "schedule");
    ok.status = "ok";
    runs.finish(ok);
    const auto now = Clock::now();
    EXPECT_GT(scheduler::nextRunFromHistory(*db, hub, instance, now), now + minutes(59));

    // A process dies mid-run (its row stays running); the next run to start marks it abandoned and dies too.
    runs.start("af", "host/2/b", "schedule");
    runs.start("af", "host/3/c", "schedule");
    ASSERT_EQ(runs.lastEnded("af")->status, "abandoned");
    EXPECT_EQ(scheduler::nextRunFromHistory(*db, hub, instance, now), now) << "the poll never finished";
}

}  // namespace
}  // namespace finsam::testing
