// core/identity/personnummer.cpp — parse, validate, normalise personnummer and samordningsnummer.
// Rules: architecture §3; Skatteverket SKV 704 (personnummer) and SKV 707 (samordningsnummer).
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/personnummer.h"

#include "core/common/clock.h"

#include <stdexcept>

namespace finsam::identity {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

// Messages never quote the input nor any of its digits (architecture §3: the clear number is
// never written).
constexpr const char* kErrWhitespace = "whitespace is not allowed in an identity number";
constexpr const char* kErrFormat = "wrong length or format";
constexpr const char* kErrDate = "invalid date";
constexpr const char* kErrCheckDigit = "invalid check digit";
constexpr const char* kErrSerial = "invalid birth number";

// SKV 707: a samordningsnummer carries the birth day plus 60.
constexpr int kSamordningOffset = 60;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (!isDigit(c)) {
            return false;
        }
    }
    return true;
}

int toInt(std::string_view digits) {
    int value = 0;
    for (char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

// The pieces of an accepted spelling, before the century is known for the 10-digit forms.
struct Shape {
    std::string_view century;    // "" for the 10-digit forms
    std::string_view tenDigits;  // YYMMDDNNNC, joined (the separator removed)
    char separator = '\0';       // '-', '+' or '\0'
};

// Recognises exactly YYYYMMDDNNNC, YYMMDDNNNC, YYMMDD[-+]NNNC and YYYYMMDD[-+]NNNC.
bool splitShape(std::string_view input, std::string& joined, Shape& shape) {
    const std::size_t n = input.size();
    if ((n == 12 || n == 10) && allDigits(input)) {
        shape.century = input.substr(0, n - 10);
        shape.tenDigits = input.substr(n - 10);
        return true;
    }
    if (n != 11 && n != 13) {
        return false;
    }
    const std::size_t sep = n - 5;
    const char separator = input[sep];
    if (separator != '-' && separator != '+') {
        return false;
    }
    const std::string_view head = input.substr(0, sep);
    const std::string_view tail = input.substr(sep + 1);
    if (!allDigits(head) || !allDigits(tail)) {
        return false;
    }
    shape.century = head.substr(0, head.size() - 6);
    joined.assign(head.substr(head.size() - 6));
    joined.append(tail);
    shape.tenDigits = joined;
    shape.separator = separator;
    return true;
}

// Latest year ending in `yy` whose (month, day) is on or before `reference`
// (SKV 704: '-' means under 100).
int latestCenturyYear(int yy, unsigned mm, unsigned dd, const year_month_day& reference) {
    const int refYear = static_cast<int>(reference.year());
    int y = refYear - ((refYear % 100) + 100) % 100 + yy;
    const unsigned refMonth = static_cast<unsigned>(reference.month());
    const unsigned refDay = static_cast<unsigned>(reference.day());
    if (y > refYear || (y == refYear && (mm > refMonth || (mm == refMonth && dd > refDay)))) {
        y -= 100;
    }
    return y;
}

ParseResult failure(const char* reason) {
    ParseResult result;
    result.error = reason;
    return result;
}


}  // namespace

int luhnCheckDigit(std::string_view nineDigits) {
    if (nineDigits.size() != 9 || !allDigits(nineDigits)) {
        throw std::invalid_argument("luhnCheckDigit needs exactly nine digits");
    }
    // Luhn (ISO/IEC 7812-1): weights 2,1,2,... from the left over YYMMDDNNN; sum the products'
    // digits.
    int sum = 0;
    for (std::size_t i = 0; i < nineDigits.size(); ++i) {
        int value = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += value > 9 ? value - 9 : value;
    }
    return (10 - sum % 10) % 10;
}

ParseResult parsePersonnummer(std::string_view input, year_month_day reference) {
    for (char c : input) {
        if (isSpace(c)) {
            // architecture §3: spaces around separators are an error
            return failure(kErrWhitespace);
        }
    }
    std::string joined;
    Shape shape;
    if (!splitShape(input, joined, shape)) {
        return failure(kErrFormat);
    }
    const std::string_view ten = shape.tenDigits;
    const int yy = toInt(ten.substr(0, 2));
    const unsigned mm = static_cast<unsigned>(toInt(ten.substr(2, 2)));
    const unsigned rawDay = static_cast<unsigned>(toInt(ten.substr(4, 2)));

    // SKV 707: day + 60 marks a samordningsnummer; the birth date uses day - 60.
    const bool samordning = rawDay > kSamordningOffset;
    const unsigned dd = samordning ? rawDay - kSamordningOffset : rawDay;
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) {
        return failure(kErrDate);
    }

    int fullYear = 0;
    if (!shape.century.empty()) {
        // Twelve digits name the century; a '+' is accepted as given (it only restates age 100+).
        fullYear = toInt(shape.century) * 100 + yy;
    } else {
        // SKV 704: '-' or none = the latest century not after the reference date;
        // '+' = 100 years before that.
        fullYear = latestCenturyYear(yy, mm, dd, reference);
        if (shape.separator == '+') {
            fullYear -= 100;
        }
    }
    const year_month_day birth{year{fullYear}, month{mm}, day{dd}};
    if (fullYear < 0 || fullYear > 9999 || !birth.ok()) {
        return failure(kErrDate);  // e.g. 29 February of a non-leap year
    }

    // SKV 704: the birth number (födelsenummer, digits 7-9) runs from 001; 000 is never issued.
    if (ten.substr(6, 3) == "000") {
        return failure(kErrSerial);
    }
    if (luhnCheckDigit(ten.substr(0, 9)) != ten[9] - '0') {
        return failure(kErrCheckDigit);
    }

    ParseResult result;
    result.ok = true;
    ParsedIdentity& id = result.identity;
    id.kind = samordning ? IdentityKind::kSamordningsnummer : IdentityKind::kPersonnummer;
    id.birthYear = fullYear;
    id.normalized.reserve(12);
    id.normalized.push_back(static_cast<char>('0' + fullYear / 1000 % 10));
    id.normalized.push_back(static_cast<char>('0' + fullYear / 100 % 10));
    id.normalized.append(ten);
    // Kön: the second-to-last digit, odd = man.
    id.sex = ((ten[8] - '0') % 2 == 1) ? Sex::kMan : Sex::kKvinna;
    return result;
}

ParseResult parsePersonnummer(std::string_view input) {
    return parsePersonnummer(input, common::todayInSweden());
}

const char* toString(IdentityKind kind) {
    switch (kind) {
    case IdentityKind::kPersonnummer:
        return "personnummer";
    case IdentityKind::kSamordningsnummer:
        return "samordningsnummer";
    }
    return "unknown";
}

const char* toString(Sex sex) {
    switch (sex) {
    case Sex::kMan:
        return "man";
    case Sex::kKvinna:
        return "kvinna";
    }
    return "unknown";
}

}  // namespace finsam::identity
