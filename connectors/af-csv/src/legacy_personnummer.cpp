// connectors/af-csv/src/legacy_personnummer.cpp — only adds the two century digits; validation is the hub's.
// SPDX-License-Identifier: Apache-2.0
#include "legacy_personnummer.h"

namespace finsam::connectors::af_csv {

std::string withCentury(const std::string& number, const std::string& fileDate) {
    const bool shape = number.size() == 11 && (number[6] == '-' || number[6] == '+') &&
                       number.substr(0, 6).find_first_not_of("0123456789") == std::string::npos &&
                       number.substr(7).find_first_not_of("0123456789") == std::string::npos;
    if (!shape || fileDate.size() != 10) {
        return number;
    }
    // The birth date's YYMMDD as a number (samordningsnummer: day - 60) against the file date's.
    int day = std::stoi(number.substr(4, 2));
    day = day > 60 ? day - 60 : day;
    const int birth = std::stoi(number.substr(0, 4)) * 100 + day;
    const int fileYear = std::stoi(fileDate.substr(0, 4));
    const int fileShort = (fileYear % 100) * 10000 + std::stoi(fileDate.substr(5, 2)) * 100 +
                          std::stoi(fileDate.substr(8, 2));
    int century = fileYear / 100;
    if (birth > fileShort) {
        --century;  // born in the previous century: YYMMDD after the file date cannot be this century's
    }
    if (number[6] == '+') {
        --century;
    }
    const std::string digits = std::to_string(century);
    return (digits.size() < 2 ? "0" + digits : digits) + number.substr(0, 6) + "-" + number.substr(7);
}

}  // namespace finsam::connectors::af_csv
