// tests/generator/swedish_time.cpp — RFC 3339 timestamps in Swedish local time (CET/CEST).
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/swedish_time.h"

#include <cstdio>

namespace finsam::generator {
namespace {

Date lastSunday(int year, int month) {
    const Date last = addDays(addMonths(makeDate(year, month, 1), 1), -1);
    const std::chrono::weekday weekday{last};
    return addDays(last, -static_cast<int>(weekday.c_encoding()));  // c_encoding: Sunday = 0
}

}  // namespace

bool isSummerTime(Date day, int hour) {
    const Date start = lastSunday(yearOf(day), 3);
    const Date end = lastSunday(yearOf(day), 10);
    const bool afterStart = day > start || (day == start && hour >= 2);
    const bool beforeEnd = day < end || (day == end && hour < 3);
    return afterStart && beforeEnd;
}

std::string swedishTimestamp(Date day, int hour, int minute) {
    char text[64];
    std::snprintf(text, sizeof text, "%sT%02d:%02d:00%s", formatIsoDate(day).c_str(), hour, minute,
                  isSummerTime(day, hour) ? "+02:00" : "+01:00");
    return text;
}

}  // namespace finsam::generator
