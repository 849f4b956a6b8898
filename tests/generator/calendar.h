// tests/generator/calendar.h — the few date operations the generator needs, on sys_days.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>

namespace finsam::generator {

using Date = std::chrono::sys_days;

Date makeDate(int year, int month, int day);
int yearOf(Date date);
int monthOf(Date date);
int dayOf(Date date);

/// `date` plus `days` (may be negative).
Date addDays(Date date, int days);
/// Same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb).
Date addMonths(Date date, int months);
/// Whole years between `birth` and `on` (the person's age on that day).
int ageOn(Date birth, Date on);
/// Days from `from` to `to` (negative when `to` is earlier).
int daysBetween(Date from, Date to);

/// "YYYY-MM-DD".
std::string formatIsoDate(Date date);

}  // namespace finsam::generator
