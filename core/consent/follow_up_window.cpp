// core/consent/follow_up_window.cpp — calendar arithmetic for the follow-up window.
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/follow_up_window.h"

#include <cstdio>

namespace finsam::consent {

namespace chr = std::chrono;

bool DateRange::contains(chr::year_month_day date) const {
    if (chr::sys_days{date} < chr::sys_days{from}) {
        return false;
    }
    return !to || chr::sys_days{date} <= chr::sys_days{*to};
}

chr::year_month_day addMonths(chr::year_month_day date, int months) {
    // year_month arithmetic moves whole months; the day is then clamped to the target month's last
    // day, so a window never ends on a day that does not exist (lag 1930:173, 2 §).
    const chr::year_month target = chr::year_month{date.year(), date.month()} + chr::months{months};
    const chr::day last =
        chr::year_month_day_last{target.year(), chr::month_day_last{target.month()}}.day();
    return chr::year_month_day{target.year(), target.month(),
                               date.day() > last ? last : date.day()};
}

chr::year_month_day addYears(chr::year_month_day date, int years) {
    return addMonths(date, years * 12);
}

chr::year_month_day addDays(chr::year_month_day date, int days) {
    return chr::year_month_day{chr::sys_days{date} + chr::days{days}};
}

DateRange followUpWindow(const Participation& participation, const WindowConfig& config) {
    DateRange window{addYears(participation.start, -config.yearsBefore), std::nullopt};
    if (participation.end) {
        window.to = addMonths(*participation.end, config.monthsAfter);
    }
    return window;
}

std::string formatIsoDate(chr::year_month_day date) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

}  // namespace finsam::consent
