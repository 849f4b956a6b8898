// connectors/kommun-api/src/personnummer_check.cpp — the same rules as the hub's identity stage.
// SPDX-License-Identifier: Apache-2.0
#include "personnummer_check.h"

namespace finsam::connectors::kommun_api {

namespace {

int digitsAt(std::string_view text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool realDate(int year, int month, int day) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) {
        return false;
    }
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// Luhn over the ten digits YYMMDDNNNC: doubled at even positions, digit sums added, total ends in 0.
bool luhn(std::string_view tenDigits) {
    int sum = 0;
    for (std::size_t i = 0; i < tenDigits.size(); ++i) {
        int digit = tenDigits[i] - '0';
        if (i % 2 == 0) {
            digit *= 2;
            digit = digit > 9 ? digit - 9 : digit;
        }
        sum += digit;
    }
    return sum % 10 == 0;
}

}  // namespace

std::optional<std::string> personnummerFault(std::string_view number) {
    if (number.size() != 12 || number.find_first_not_of("0123456789") != std::string_view::npos) {
        return "is not 12 digits (YYYYMMDDNNNN)";
    }
    const int year = digitsAt(number, 0, 4);
    const int month = digitsAt(number, 4, 2);
    int day = digitsAt(number, 6, 2);
    day = day > 60 ? day - 60 : day;  // samordningsnummer
    if (year < 1850 || !realDate(year, month, day)) {
        return "does not begin with a real date";
    }
    if (number.substr(8, 3) == "000") {
        return "has birth number 000, which is never issued";  // SKV 704
    }
    if (!luhn(number.substr(2))) {
        return "has a wrong check digit";
    }
    return std::nullopt;
}

}  // namespace finsam::connectors::kommun_api
