// tests/generator/swedish_format.cpp — numbers as a Swedish-locale spreadsheet displays them.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/swedish_format.h"

namespace finsam::generator {

std::string formatSwedishAmount(std::int64_t ore, ThousandsSeparator separator) {
    const bool negative = ore < 0;
    const std::uint64_t magnitude =
        negative ? static_cast<std::uint64_t>(-(ore + 1)) + 1 : static_cast<std::uint64_t>(ore);
    const std::string digits = std::to_string(magnitude / 100);
    const std::string group = separator == ThousandsSeparator::kSpace ? " " : "\xC2\xA0";
    std::string text = negative ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            text += group;
        }
        text += digits[i];
    }
    const std::uint64_t fraction = magnitude % 100;
    if (fraction != 0) {
        text += ',';
        text += static_cast<char>('0' + fraction / 10);
        text += static_cast<char>('0' + fraction % 10);
    }
    return text;
}

}  // namespace finsam::generator
