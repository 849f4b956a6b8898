// core/scheduler/schedule.cpp — local time through localtime_r/mktime, so the window follows the process time
// zone (Europe/Stockholm in production, summer time included).
// SPDX-License-Identifier: Apache-2.0
#include "core/scheduler/schedule.h"

#include <algorithm>
#include <ctime>

#include "core/common/clock.h"
#include "core/store/connector_runs.h"

namespace finsam::scheduler {

namespace {

int minuteOfDay(Clock::time_point t) {
    const std::time_t seconds = Clock::to_time_t(t);
    std::tm local{};
    localtime_r(&seconds, &local);
    return local.tm_hour * 60 + local.tm_min;
}

bool inWindow(const config::ScheduleConfig& schedule, int minute) {
    const int from = schedule.windowFromMinute, to = schedule.windowToMinute;
    return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

// The local time `minute` after midnight on the day of `t`, or the next day when that is not after `t`.
Clock::time_point nextLocal(Clock::time_point t, int minute) {
    const std::time_t seconds = Clock::to_time_t(t);
    std::tm local{};
    localtime_r(&seconds, &local);
    for (int day = 0; day < 2; ++day) {
        std::tm at = local;
        at.tm_mday += day;
        at.tm_hour = minute / 60;
        at.tm_min = minute % 60;
        at.tm_sec = 0;
        at.tm_isdst = -1;  // let mktime decide across a summer-time change
        const auto candidate = Clock::from_time_t(std::mktime(&at));
        if (candidate > t) {
            return candidate;
        }
    }
    return t;  // not reached: tomorrow at `minute` is always later than now
}

}  // namespace

Clock::time_point intoWindow(const config::ScheduleConfig& schedule, Clock::time_point t) {
    if (schedule.windowFromMinute < 0 || inWindow(schedule, minuteOfDay(t))) {
        return t;
    }
    return nextLocal(t, schedule.windowFromMinute);
}

std::chrono::seconds backoffAfter(const config::SchedulerConfig& scheduler, std::int64_t failures) {
    const std::int64_t maximum = scheduler.retryMaxSeconds;
    std::int64_t delay = scheduler.retryBaseSeconds;
    for (std::int64_t i = 1; i < failures && delay < maximum; ++i) {
        delay *= 2;
    }
    return std::chrono::seconds(std::min(delay, maximum));
}

Clock::time_point nextRunAt(const config::ScheduleConfig& schedule, const config::SchedulerConfig& scheduler,
                            int defaultIntervalSeconds, const std::optional<LastRun>& last,
                            std::int64_t consecutiveFailures, Clock::time_point now) {
    Clock::time_point due = now;
    if (last && consecutiveFailures > 0) {
        due = last->finished + backoffAfter(scheduler, consecutiveFailures);
    } else if (last) {
        const int interval = schedule.intervalSeconds > 0 ? schedule.intervalSeconds : defaultIntervalSeconds;
        due = last->started + std::chrono::seconds(interval);
    }
    // A time already passed is now: the window is judged at the moment the run would really start.
    return intoWindow(schedule, std::max(due, now));
}

Clock::time_point nextRunFromHistory(store::Database& database, const config::HubConfig& hub,
                                     const config::ConnectorInstanceConfig& instance, Clock::time_point now) {
    store::ConnectorRuns runs(database);
    std::optional<LastRun> last;
    // A run that died with its process (abandoned) did not finish its poll: the next starts at once, from the
    // committed checkpoint, as if the connector had never run.
    if (auto ended = runs.lastEnded(instance.id); ended && ended->status != "abandoned") {
        auto started = common::unixSecondsOfIso(ended->startedAt);
        auto finished = common::unixSecondsOfIso(ended->finishedAt);
        if (started && finished) {
            auto at = [](double seconds) {
                return Clock::time_point(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds)));
            };
            last = LastRun{at(*started), at(*finished)};
        }
    }
    return nextRunAt(instance.schedule, hub.scheduler, hub.pollSeconds, last, runs.consecutiveFailures(instance.id),
                     now);
}

}  // namespace finsam::scheduler
