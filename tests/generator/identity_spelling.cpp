// tests/generator/identity_spelling.cpp — the other ways partners write a generated number.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/identity_spelling.h"

#include <stdexcept>

namespace finsam::generator {

std::string twelveDigits(const std::string& number) {
    if (number.size() != 13 || number[8] != '-') {
        throw std::invalid_argument("expected YYYYMMDD-NNNC");
    }
    return number.substr(0, 8) + number.substr(9);
}

std::string tenDigits(const std::string& number, Date reference) {
    const std::string twelve = twelveDigits(number);
    // Samordningsnummer carry day + 60; the age only needs the real day.
    const int year = std::stoi(twelve.substr(0, 4));
    const int month = std::stoi(twelve.substr(4, 2));
    int day = std::stoi(twelve.substr(6, 2));
    if (day > 60) {
        day -= 60;
    }
    const bool centenarian = ageOn(makeDate(year, month, day), reference) >= 100;
    return twelve.substr(2, 6) + (centenarian ? "+" : "-") + twelve.substr(8);
}

std::string withWrongCheckDigit(const std::string& number) {
    std::string wrong = number;
    char& check = wrong.back();
    check = static_cast<char>('0' + (check - '0' + 5) % 10);
    return wrong;
}

}  // namespace finsam::generator
