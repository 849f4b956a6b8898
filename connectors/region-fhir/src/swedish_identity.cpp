// connectors/region-fhir/src/swedish_identity.cpp — date and Luhn rules of SKV 704 on the 12-digit form.
// SPDX-License-Identifier: Apache-2.0
#include "swedish_identity.h"

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
    const std::chrono::year_month_day birth{std::chrono::year{number(std::string_view(digits).substr(0, 4))},
                                            std::chrono::month{static_cast<unsigned>(number(digits.substr(4, 2)))},
                                            std::chrono::day{static_cast<unsigned>(samordning ? dayField - 60
                                                                                               : dayField)}};
    if (!birth.ok()) {
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

}  // namespace finsam::connectors::region_fhir
