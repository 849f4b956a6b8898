// connectors/region-fhir/src/swedish_identity.cpp — date and Luhn rules of SKV 704 on the 12-digit form, and
// the 10-digit one when looking for a number where none belongs.
// SPDX-License-Identifier: Apache-2.0
#include "swedish_identity.h"

#include <algorithm>
#include <chrono>

namespace finsam::connectors::region_fhir {

namespace {

int luhnDigit(std::string_view nineDigits) {
    int sum = 0;
    for (std::size_t i = 0; i < nineDigits.size(); ++i) {
        int d = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += d > 9 ? d - 9 : d;
    }
    return (10 - sum % 10) % 10;
}

int number(std::string_view digits) {
    int out = 0;
    for (char c : digits) {
        out = out * 10 + (c - '0');
    }
    return out;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// A birth date as the number writes it: the day of a samordningsnummer is the day + 60.
bool realBirthDate(int year, int month, int dayField) {
    const int day = dayField > 60 ? dayField - 60 : dayField;
    return month >= 1 && day >= 1 &&
           std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                       std::chrono::day{static_cast<unsigned>(day)}}
               .ok();
}

// YYYYMMDDNNNC or YYMMDDNNNC (either century): a real birth date and the check digit.
bool validNumber(std::string_view digits) {
    const std::string_view ten = digits.substr(digits.size() - 10);
    const int month = number(ten.substr(2, 2));
    const int dayField = number(ten.substr(4, 2));
    const bool dated = digits.size() == 12
                           ? realBirthDate(number(digits.substr(0, 4)), month, dayField)
                           : realBirthDate(1900 + number(ten.substr(0, 2)), month, dayField) ||
                                 realBirthDate(2000 + number(ten.substr(0, 2)), month, dayField);
    return dated && luhnDigit(ten.substr(0, 9)) == ten[9] - '0';
}

}  // namespace

std::string twelveDigits(std::string_view value) {
    std::string digits;
    for (char c : value) {
        if (c != '-') {
            digits += c;
        }
    }
    return digits;
}

std::optional<std::string> nationalNumberProblem(std::string_view value, NationalKind kind) {
    const bool hyphenated = value.size() == 13 && value[8] == '-';
    if (value.size() != 12 && !hyphenated) {
        return std::string("is not 12 digits (YYYYMMDDNNNC)");
    }
    const std::string digits = twelveDigits(value);
    if (digits.size() != 12 || digits.find_first_not_of("0123456789") != std::string::npos) {
        return std::string("is not 12 digits (YYYYMMDDNNNC)");
    }
    const int dayField = number(std::string_view(digits).substr(6, 2));
    const bool samordning = dayField > 60;
    if (!realBirthDate(number(std::string_view(digits).substr(0, 4)), number(std::string_view(digits).substr(4, 2)),
                       dayField)) {
        return std::string("has no valid birth date");
    }
    if (luhnDigit(std::string_view(digits).substr(2, 9)) != digits[11] - '0') {
        return std::string("fails the check digit");
    }
    if (kind == NationalKind::kPersonnummer && samordning) {
        return std::string("is a samordningsnummer (day + 60) under the personnummer system");
    }
    if (kind == NationalKind::kSamordningsnummer && !samordning) {
        return std::string("is not a samordningsnummer (day + 60) though its system says so");
    }
    return std::nullopt;
}

bool holdsNationalNumber(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isDigit(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && isDigit(text[end])) {
            ++end;
        }
        const std::size_t run = end - i;
        std::string digits(text.substr(i, run));
        // 6 or 8 digits, one separator, then exactly 4 digits that no further digit follows.
        const bool separated = (run == 6 || run == 8) && end + 5 <= text.size() &&
                               (text[end] == '-' || text[end] == '+') &&
                               std::all_of(text.begin() + end + 1, text.begin() + end + 5, isDigit) &&
                               (end + 5 == text.size() || !isDigit(text[end + 5]));
        if (separated) {
            digits += text.substr(end + 1, 4);
        }
        if ((digits.size() == 10 || digits.size() == 12) && validNumber(digits)) {
            return true;
        }
        i = end;
    }
    return false;
}

}  // namespace finsam::connectors::region_fhir
