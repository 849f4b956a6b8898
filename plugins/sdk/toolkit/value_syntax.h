// plugins/sdk/toolkit/value_syntax.h — Swedish display syntax to canonical text: amounts, integers,
// dates, lists.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace finsam::sdk::toolkit {

/// `text` without leading and trailing spaces, tabs, CR, LF, U+00A0 and U+202F. Inner ones stay.
std::string_view trim(std::string_view text);

/// A Swedish amount as a canonical decimal: "1 250 000" -> "1250000", "8 423,50" -> "8423.50",
/// "-1 000" -> "-1000". Thousands are grouped by a space, U+00A0 or U+202F (first group 1-3
/// digits, then exactly 3); the decimal mark is a comma; a minus is '-' or U+2212. Leading zeros
/// are dropped and the decimals kept as written. nullopt for anything else (a dot is refused: it is
/// not Swedish syntax).
std::optional<std::string> parseSwedishAmount(std::string_view text);

enum class DigitGrouping { kNone, kAllowed };

/// An integer as canonical digits ("0042" -> "42", "-7" -> "-7"). With kAllowed, thousands may be
/// grouped as in parseSwedishAmount ("1 200" -> "1200"). No decimals. nullopt when `text` is not an
/// integer.
std::optional<std::string> parseInteger(std::string_view text,
                                        DigitGrouping grouping = DigitGrouping::kNone);

/// True when `text` is exactly YYYY-MM-DD and a real calendar date (Gregorian, year 0001-9999).
bool isIsoDate(std::string_view text);

/// Splits a list cell ("Unga 16-29; Försörjningsstöd;"): items trimmed, empty items dropped.
std::vector<std::string> splitList(std::string_view text, char separator = ';');

}  // namespace finsam::sdk::toolkit
