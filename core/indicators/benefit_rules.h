// core/indicators/benefit_rules.h — the codes.md rules that turn benefit periods and dates into facts. Pure.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace finsam::indicators {

using Day = std::chrono::sys_days;

/// One visible benefit period of a linked person (dates inclusive; no `to` = ongoing).
struct BenefitPeriod {
    std::string type;  ///< ersättningstyp (codes.md)
    Day from;
    std::optional<Day> to;
    std::string organisation;
};

/// Offentlig försörjning: an ersättningstyp with an SCB försörjningsmått group.
bool isOffentligForsorjning(std::string_view type);

/// The national reporting bucket of an ersättningstyp ("Försörjning före insats" in codes.md); `ingen` stays `ingen`.
std::string nationalBucket(std::string_view type);

/// Distinct types (sorted) of the periods overlapping [from, to].
std::vector<std::string> typesOverlapping(const std::vector<BenefitPeriod>& periods, Day from, Day to);

/// `0-1` … `9-` or `ingen`: the spell of offentlig försörjning (gaps ≤ 30 days join) covering start − 1.
std::string tidIOffentligForsorjning(const std::vector<BenefitPeriod>& periods, Day start);

/// `1-6`, `7-12`, `13-`: calendar months from start to end, both counted.
std::string tidIInsats(std::chrono::year_month_day start, std::chrono::year_month_day end);

/// `16-29` … `60-` from the start year and födelseår; `okand` without födelseår.
std::string aldersgrupp(int startYear, std::optional<int> fodelsear);

/// The outcome categories of one day's types (docs/indicators.md §3).
std::vector<std::string> outcomeCategories(const std::vector<std::string>& types);

}  // namespace finsam::indicators
