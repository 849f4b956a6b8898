// connectors/kommun-api/src/month.h — the `period` of a payment (YYYY-MM) as a number that counts months.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace finsam::connectors::kommun_api {

/// year * 12 + (month - 1): consecutive months differ by one, so a run of months is a run of numbers.
using Month = int;

/// "2019-03" → its Month; nullopt unless exactly YYYY-MM with a month 01–12 and a year 1900–2199.
std::optional<Month> parseMonth(std::string_view text);

std::string monthText(Month month);     ///< "2019-03"
std::string firstDayOf(Month month);    ///< "2019-03-01"
std::string lastDayOf(Month month);     ///< "2019-03-31" (leap years counted)

}  // namespace finsam::connectors::kommun_api
