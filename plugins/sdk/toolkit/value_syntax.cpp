// plugins/sdk/toolkit/value_syntax.cpp — what Excel in a Swedish locale writes, read strictly.
// SPDX-License-Identifier: Apache-2.0
#include "value_syntax.h"

namespace finsam::sdk::toolkit {

namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";
constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF";
constexpr std::string_view kUnicodeMinus = "\xE2\x88\x92";

// Excel pads with U+00A0 and U+202F; a cell edited with Alt+Enter can end in a line break.
bool isAsciiBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Length of a thousands separator at the start of `text`, 0 if none.
std::size_t groupSeparatorLength(std::string_view text) {
    if (!text.empty() && text.front() == ' ') {
        return 1;
    }
    for (std::string_view separator : {kNbsp, kNarrowNbsp}) {
        if (text.substr(0, separator.size()) == separator) {
            return separator.size();
        }
    }
    return 0;
}

// Reads an optionally grouped run of digits from the front of `text`, appending the digits to
// `digits`. Returns false when a group is malformed ("1 25 000", "1  000", a trailing separator).
bool readGroupedDigits(std::string_view& text, std::string& digits, DigitGrouping grouping) {
    std::size_t groupLength = 0;
    bool grouped = false;
    while (!text.empty()) {
        if (isDigit(text.front())) {
            digits.push_back(text.front());
            ++groupLength;
            text.remove_prefix(1);
            continue;
        }
        const std::size_t separator =
            grouping == DigitGrouping::kAllowed ? groupSeparatorLength(text) : 0;
        if (separator == 0) {
            break;
        }
        const bool groupOk = grouped ? groupLength == 3 : (groupLength >= 1 && groupLength <= 3);
        if (!groupOk) {
            return false;
        }
        grouped = true;
        groupLength = 0;
        text.remove_prefix(separator);
    }
    return grouped ? groupLength == 3 : groupLength >= 1;
}

bool readSign(std::string_view& text) {
    if (!text.empty() && text.front() == '-') {
        text.remove_prefix(1);
        return true;
    }
    if (text.substr(0, kUnicodeMinus.size()) == kUnicodeMinus) {
        text.remove_prefix(kUnicodeMinus.size());
        return true;
    }
    return false;
}

std::string withoutLeadingZeros(const std::string& digits) {
    const auto first = digits.find_first_not_of('0');
    return first == std::string::npos ? "0" : digits.substr(first);
}

bool allZero(const std::string& digits) {
    return digits.find_first_not_of('0') == std::string::npos;
}

}  // namespace

std::string_view trim(std::string_view text) {
    while (!text.empty()) {
        if (isAsciiBlank(text.front())) {
            text.remove_prefix(1);
        } else if (text.substr(0, kNbsp.size()) == kNbsp) {
            text.remove_prefix(kNbsp.size());
        } else if (text.substr(0, kNarrowNbsp.size()) == kNarrowNbsp) {
            text.remove_prefix(kNarrowNbsp.size());
        } else {
            break;
        }
    }
    while (!text.empty()) {
        if (isAsciiBlank(text.back())) {
            text.remove_suffix(1);
        } else if (text.size() >= kNbsp.size() &&
                   text.substr(text.size() - kNbsp.size()) == kNbsp) {
            text.remove_suffix(kNbsp.size());
        } else if (text.size() >= kNarrowNbsp.size() &&
                   text.substr(text.size() - kNarrowNbsp.size()) == kNarrowNbsp) {
            text.remove_suffix(kNarrowNbsp.size());
        } else {
            break;
        }
    }
    return text;
}

std::optional<std::string> parseSwedishAmount(std::string_view text) {
    text = trim(text);
    const bool negative = readSign(text);
    std::string whole;
    if (!readGroupedDigits(text, whole, DigitGrouping::kAllowed)) {
        return std::nullopt;
    }
    std::string decimals;
    if (!text.empty() && text.front() == ',') {
        text.remove_prefix(1);
        if (!readGroupedDigits(text, decimals, DigitGrouping::kNone)) {
            return std::nullopt;
        }
    }
    if (!text.empty()) {
        return std::nullopt;
    }
    std::string result = withoutLeadingZeros(whole);
    if (!decimals.empty()) {
        result += "." + decimals;
    }
    const bool zero = allZero(whole) && allZero(decimals);
    return negative && !zero ? "-" + result : result;
}

std::optional<std::string> parseInteger(std::string_view text, DigitGrouping grouping) {
    text = trim(text);
    const bool negative = readSign(text);
    std::string digits;
    if (!readGroupedDigits(text, digits, grouping) || !text.empty()) {
        return std::nullopt;
    }
    std::string result = withoutLeadingZeros(digits);
    return negative && result != "0" ? "-" + result : result;
}

bool isIsoDate(std::string_view text) {
    static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!isDigit(text[i])) {
            return false;
        }
    }
    auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1) {
        return false;
    }
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = month == 2 && leap ? 29 : kDaysInMonth[month - 1];
    return day <= days;
}

std::vector<std::string> splitList(std::string_view text, char separator) {
    std::vector<std::string> items;
    while (true) {
        const auto end = text.find(separator);
        const auto item = trim(text.substr(0, end));
        if (!item.empty()) {
            items.emplace_back(item);
        }
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
    return items;
}

}  // namespace finsam::sdk::toolkit
