// core/scheduler/schedule.h — when a connector may start its next run: its interval, its daily window, and the
// back-off after failures. Pure functions of the store's run history, so every instance agrees.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "core/config/hub_config.h"
#include "core/store/database.h"

namespace finsam::scheduler {

using Clock = std::chrono::system_clock;

/// The last run that ended, as far as scheduling cares.
struct LastRun {
    Clock::time_point started;
    Clock::time_point finished;
};

/// The earliest time at or after `t` inside the schedule's daily window (local time), or `t` itself without one.
Clock::time_point intoWindow(const config::ScheduleConfig& schedule, Clock::time_point t);

/// The back-off after `failures` consecutive failed runs (1-based): min(max, base * 2^(failures-1)).
std::chrono::seconds backoffAfter(const config::SchedulerConfig& scheduler, std::int64_t failures);

/// When the next run is due: at once without a previous run; after the back-off following a failure; else
/// an interval after the previous start — never before `now`, and always inside the window.
Clock::time_point nextRunAt(const config::ScheduleConfig& schedule, const config::SchedulerConfig& scheduler,
                            int defaultIntervalSeconds, const std::optional<LastRun>& last,
                            std::int64_t consecutiveFailures, Clock::time_point now);

/// nextRunAt for `instance` from the store's run history (its last ended run and failures since a success):
/// what the scheduler acts on and what the API shows, on every instance alike.
Clock::time_point nextRunFromHistory(store::Database& database, const config::HubConfig& hub,
                                     const config::ConnectorInstanceConfig& instance, Clock::time_point now);

}  // namespace finsam::scheduler
