// core/common/clock.h — timestamps and calendar dates the one way the hub writes them.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace finsam::common {

/// Now, UTC, ISO 8601 with milliseconds: 2026-11-23T10:15:00.123Z.
std::string nowUtcIso();

/// Parses a strict YYYY-MM-DD calendar date; nullopt when malformed or not a real date.
std::optional<std::chrono::year_month_day> parseIsoDate(std::string_view text);

/// Now plus `delay`, in the format of nowUtcIso(): lease and retry times compare as text in SQL.
std::string isoUtcIn(std::chrono::milliseconds delay);

/// How long until `iso` (zero or negative when it has passed; zero when it cannot be parsed).
std::chrono::milliseconds untilIsoUtc(const std::string& iso);

/// Seconds since the epoch of an ISO 8601 timestamp (nowUtcIso()'s format); nullopt when it cannot be parsed.
std::optional<double> unixSecondsOfIso(const std::string& iso);

/// Today's calendar date in Sweden (Europe/Stockholm, by the EU summer-time rule, whatever the host's TZ):
/// dates read from timestamps are Swedish local time.
std::chrono::year_month_day todayInSweden();

}  // namespace finsam::common
