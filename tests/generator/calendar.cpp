// tests/generator/calendar.cpp — the few date operations the generator needs, on sys_days.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/calendar.h"

#include <cstdio>

namespace finsam::generator {

using std::chrono::year_month_day;

Date makeDate(int year, int month, int day) {
    return Date(year_month_day{std::chrono::year{year},
                               std::chrono::month{static_cast<unsigned>(month)},
                               std::chrono::day{static_cast<unsigned>(day)}});
}

int yearOf(Date date) {
    return static_cast<int>(year_month_day{date}.year());
}
int monthOf(Date date) {
    return static_cast<int>(static_cast<unsigned>(year_month_day{date}.month()));
}
int dayOf(Date date) {
    return static_cast<int>(static_cast<unsigned>(year_month_day{date}.day()));
}

Date addDays(Date date, int days) {
    return date + std::chrono::days{days};
}

Date addMonths(Date date, int months) {
    const year_month_day ymd{date};
    const auto shifted =
        std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
    const auto last = std::chrono::year_month_day_last{
        shifted.year(), std::chrono::month_day_last{shifted.month()}};
    const auto day = ymd.day() <= last.day() ? ymd.day() : last.day();
    return Date(year_month_day{shifted.year(), shifted.month(), day});
}

int ageOn(Date birth, Date on) {
    int age = yearOf(on) - yearOf(birth);
    if (monthOf(on) < monthOf(birth) ||
        (monthOf(on) == monthOf(birth) && dayOf(on) < dayOf(birth))) {
        --age;
    }
    return age;
}

int daysBetween(Date from, Date to) {
    return static_cast<int>((to - from).count());
}

std::string formatIsoDate(Date date) {
    char text[48];  // room for any int, so -Wformat-truncation stays quiet
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", yearOf(date), monthOf(date), dayOf(date));
    return text;
}

}  // namespace finsam::generator
