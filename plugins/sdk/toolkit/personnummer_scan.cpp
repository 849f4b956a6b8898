// plugins/sdk/toolkit/personnummer_scan.cpp — the spellings of core/identity/redactor.h, and SKV 704's
// date and check-digit rules.
// SPDX-License-Identifier: Apache-2.0
#include "personnummer_scan.h"

#include <array>
#include <chrono>
#include <string>

namespace finsam::sdk::toolkit {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Length of one separator unit at `pos`, or 0: what people and spreadsheets put between date and serial.
std::size_t separatorAt(std::string_view text, std::size_t pos) {
    const char c = text[pos];
    if (c == '-' || c == '+' || c == ' ' || c == '\t' || c == '.') {
        return 1;
    }
    for (std::string_view dash : {"\xE2\x80\x90", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92", "\xC2\xA0"}) {
        if (text.substr(pos, dash.size()) == dash) {
            return dash.size();
        }
    }
    return 0;
}

std::size_t digitRunEnd(std::string_view text, std::size_t pos) {
    while (pos < text.size() && isDigit(text[pos])) {
        ++pos;
    }
    return pos;
}

// A canonical UUID starts at `pos`: 8-4-4-4-12 hex digits.
bool uuidAt(std::string_view text, std::size_t pos) {
    constexpr std::array<std::size_t, 5> kGroups{8, 4, 4, 4, 12};
    for (std::size_t group = 0; group < kGroups.size(); ++group) {
        for (std::size_t i = 0; i < kGroups[group]; ++i, ++pos) {
            if (pos >= text.size() || !isHex(text[pos])) {
                return false;
            }
        }
        if (group + 1 < kGroups.size() && (pos >= text.size() || text[pos++] != '-')) {
            return false;
        }
    }
    return pos == text.size() || !isHex(text[pos]);
}

int number(std::string_view digits) {
    int out = 0;
    for (char c : digits) {
        out = out * 10 + (c - '0');
    }
    return out;
}

bool realBirthDate(int year, int month, int dayField) {
    const int day = dayField > 60 ? dayField - 60 : dayField;
    return month >= 1 && month <= 12 && day >= 1 &&
           std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                       std::chrono::day{static_cast<unsigned>(day)}}
               .ok();
}

// Luhn over YYMMDDNNN against C.
bool checkDigitRight(std::string_view ten) {
    int sum = 0;
    for (std::size_t i = 0; i < 9; ++i) {
        int digit = (ten[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += digit > 9 ? digit - 9 : digit;
    }
    return (10 - sum % 10) % 10 == ten[9] - '0';
}

// YYYYMMDDNNNC or YYMMDDNNNC.
bool validNumber(std::string_view digits) {
    const std::string_view ten = digits.substr(digits.size() - 10);
    const int month = number(ten.substr(2, 2));
    const int day = number(ten.substr(4, 2));
    const bool dated = digits.size() == 12 ? realBirthDate(number(digits.substr(0, 4)), month, day)
                                           : realBirthDate(1900 + number(ten.substr(0, 2)), month, day) ||
                                                 realBirthDate(2000 + number(ten.substr(0, 2)), month, day);
    return dated && checkDigitRight(ten);
}

}  // namespace

bool holdsPersonnummer(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        if ((pos == 0 || !isHex(text[pos - 1])) && uuidAt(text, pos)) {
            pos += 36;
            continue;
        }
        if (!isDigit(text[pos])) {
            ++pos;
            continue;
        }
        const std::size_t runEnd = digitRunEnd(text, pos);
        std::string digits(text.substr(pos, runEnd - pos));
        if (digits.size() == 6 || digits.size() == 8) {
            std::size_t tail = runEnd;
            for (int units = 0; units < 4 && tail < text.size(); ++units) {
                const std::size_t length = separatorAt(text, tail);
                if (length == 0) {
                    break;
                }
                tail += length;
            }
            if (tail > runEnd && digitRunEnd(text, tail) - tail == 4) {
                digits += text.substr(tail, 4);
            }
        }
        if ((digits.size() == 10 || digits.size() == 12) && validNumber(digits)) {
            return true;
        }
        pos = runEnd;
    }
    return false;
}

}  // namespace finsam::sdk::toolkit
