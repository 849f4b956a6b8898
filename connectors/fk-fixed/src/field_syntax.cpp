// connectors/fk-fixed/src/field_syntax.cpp — digits, padding, compact dates; dates are checked by
// the toolkit.
// SPDX-License-Identifier: Apache-2.0
#include "field_syntax.h"

#include <algorithm>
#include <charconv>

#include "text_encoding.h"
#include "value_syntax.h"

namespace finsam::connectors::fk_fixed {

bool allDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool allSpaces(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' '; });
}

bool isAscii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::optional<std::int64_t> parseCount(std::string_view text) {
    if (!allDigits(text) || text.size() > 18) {  // 18 digits always fit an int64
        return std::nullopt;
    }
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::optional<std::string> isoFromCompactDate(std::string_view text) {
    if (text.size() != 8 || !allDigits(text)) {
        return std::nullopt;
    }
    std::string iso;
    iso.reserve(10);
    iso.append(text.substr(0, 4))
        .append("-")
        .append(text.substr(4, 2))
        .append("-")
        .append(text.substr(6, 2));
    if (!sdk::toolkit::isIsoDate(iso)) {
        return std::nullopt;
    }
    return iso;
}

std::string latin1ToUtf8(std::string_view text) {
    if (isAscii(text)) {
        return std::string(text);
    }
    return sdk::toolkit::toUtf8(text, sdk::toolkit::Charset::kLatin1);
}

}  // namespace finsam::connectors::fk_fixed
