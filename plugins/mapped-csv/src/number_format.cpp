// plugins/mapped-csv/src/number_format.cpp — strict number syntax; anything unexpected is refused.
// SPDX-License-Identifier: Apache-2.0
#include "number_format.h"

#include "value_syntax.h"

namespace finsam::connectors::mapped_csv {

namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";
constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF";
constexpr std::string_view kUnicodeMinus = "\xE2\x88\x92";

struct ParsedNumber {
    bool negative = false;
    std::string whole;
    std::string fraction;  ///< digits after the decimal mark, "" when there is none
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Length of a group separator at the front of `text`, 0 if none.
std::size_t separatorLength(std::string_view text, const std::string& separator) {
    if (separator.empty()) {
        return 0;
    }
    if (text.substr(0, separator.size()) == separator) {
        return separator.size();
    }
    if (separator == " ") {
        for (std::string_view alternative : {kNbsp, kNarrowNbsp}) {
            if (text.substr(0, alternative.size()) == alternative) {
                return alternative.size();
            }
        }
    }
    return 0;
}

// Digits with optional grouping ("1 250 000"): the first group 1-3 digits, then exactly 3.
bool readWhole(std::string_view& text, std::string& digits, const std::string& separator) {
    std::size_t groupLength = 0;
    bool grouped = false;
    while (!text.empty()) {
        if (isDigit(text.front())) {
            digits.push_back(text.front());
            ++groupLength;
            text.remove_prefix(1);
            continue;
        }
        const std::size_t length = separatorLength(text, separator);
        if (length == 0) {
            break;
        }
        if (grouped ? groupLength != 3 : (groupLength < 1 || groupLength > 3)) {
            return false;
        }
        grouped = true;
        groupLength = 0;
        text.remove_prefix(length);
    }
    return grouped ? groupLength == 3 : groupLength >= 1;
}

std::optional<ParsedNumber> parse(std::string_view text, const NumberFormat& format) {
    text = sdk::toolkit::trim(text);
    ParsedNumber number;
    if (!text.empty() && text.front() == '-') {
        number.negative = true;
        text.remove_prefix(1);
    } else if (text.substr(0, kUnicodeMinus.size()) == kUnicodeMinus) {
        number.negative = true;
        text.remove_prefix(kUnicodeMinus.size());
    }
    if (!readWhole(text, number.whole, format.thousandsSeparator)) {
        return std::nullopt;
    }
    if (!text.empty() && text.front() == format.decimalMark) {
        text.remove_prefix(1);
        while (!text.empty() && isDigit(text.front())) {
            number.fraction.push_back(text.front());
            text.remove_prefix(1);
        }
        if (number.fraction.empty()) {
            return std::nullopt;
        }
    }
    if (!text.empty()) {
        return std::nullopt;
    }
    return number;
}

bool allZero(const std::string& digits) {
    return digits.find_first_not_of('0') == std::string::npos;
}

std::string canonical(const ParsedNumber& number, bool withFraction) {
    const auto first = number.whole.find_first_not_of('0');
    std::string text = first == std::string::npos ? "0" : number.whole.substr(first);
    if (withFraction && !number.fraction.empty()) {
        text += "." + number.fraction;
    }
    const bool zero = allZero(number.whole) && (!withFraction || allZero(number.fraction));
    return number.negative && !zero ? "-" + text : text;
}

}  // namespace

std::optional<std::string> NumberFormat::decimal(std::string_view text) const {
    auto number = parse(text, *this);
    if (!number) {
        return std::nullopt;
    }
    return canonical(*number, true);
}

std::optional<std::string> NumberFormat::wholeNumber(std::string_view text) const {
    auto number = parse(text, *this);
    if (!number || !number->fraction.empty()) {
        return std::nullopt;
    }
    return canonical(*number, false);
}

std::optional<std::string> NumberFormat::integralDecimal(std::string_view text) const {
    auto number = parse(text, *this);
    if (!number || !allZero(number->fraction)) {
        return std::nullopt;
    }
    return canonical(*number, false);
}

std::string NumberFormat::describe() const {
    return std::string("decimal mark '") + decimalMark + "'" +
           (thousandsSeparator.empty() ? ", no thousands separator"
                                       : ", thousands separator '" + thousandsSeparator + "'");
}

}  // namespace finsam::connectors::mapped_csv
