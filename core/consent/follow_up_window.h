// core/consent/follow_up_window.h — the dates a participation lets the hub see (§4).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/consent/consent.h"

namespace finsam::consent {

/// Closed calendar-date range [from, to]; an empty `to` means open-ended (no upper bound).
struct DateRange {
    std::chrono::year_month_day from;
    std::optional<std::chrono::year_month_day> to;

    /// True when from ≤ date and (to is open or date ≤ to); both ends inclusive.
    bool contains(std::chrono::year_month_day date) const;
};

/// Moves `date` by whole calendar months (negative = back). When the target month is shorter, the
/// result is that month's last day (Jan 31 + 1 month = Feb 28/29), as Swedish law counts periods in
/// months (lag 1930:173 om beräkning av lagstadgad tid, 2 §).
std::chrono::year_month_day addMonths(std::chrono::year_month_day date, int months);

/// Moves `date` by whole calendar years with the same clamping: Feb 29 − 1 year = Feb 28.
std::chrono::year_month_day addYears(std::chrono::year_month_day date, int years);

/// `date` plus `days` days (negative = back).
std::chrono::year_month_day addDays(std::chrono::year_month_day date, int days);

/// The follow-up window of a participation: from `yearsBefore` years before its start to
/// `monthsAfter` calendar months after its end, both inclusive (architecture §4); open-ended while
/// it is ongoing. Example with the defaults: start 2020-03-15, end 2021-02-28 → [2010-03-15,
/// 2022-02-28]; start 2024-02-29 → the window opens 2014-02-28.
DateRange followUpWindow(const Participation& participation, const WindowConfig& config);

/// YYYY-MM-DD, for details and audit text.
std::string formatIsoDate(std::chrono::year_month_day date);

}  // namespace finsam::consent
