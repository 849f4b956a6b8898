// plugins/mapped-csv/src/number_format.h — a partner's number syntax (decimal mark, digit groups)
// to canonical text.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace finsam::connectors::mapped_csv {

/// toolkit::parseSwedishAmount fixes the marks to ',' and ' '; a generic connector needs them as
/// settings. Same rules otherwise: text is trimmed, a minus is '-' or U+2212, digit groups after
/// the first are exactly three digits, leading zeros are dropped and decimals kept as written.
struct NumberFormat {
    char decimalMark = ',';
    std::string thousandsSeparator;  ///< "" = no grouping; " " also accepts U+00A0 and U+202F

    /// "1 250 000" -> "1250000", "8 423,50" -> "8423.50"; nullopt when `text` is not such a number.
    std::optional<std::string> decimal(std::string_view text) const;
    /// A number without decimals ("1 200" -> "1200").
    std::optional<std::string> wholeNumber(std::string_view text) const;
    /// A decimal whose fraction is zero, as a whole number ("75,0" -> "75"); "75,5" is refused
    /// because rounding would change what the partner said.
    std::optional<std::string> integralDecimal(std::string_view text) const;
    /// "decimal mark ',' and thousands separator ' '": for messages.
    std::string describe() const;
};

}  // namespace finsam::connectors::mapped_csv
