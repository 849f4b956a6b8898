// tests/fuzz/personnummer_fuzz.cpp — parsePersonnummer on any bytes, against two fixed reference dates.
// Invariants (core/identity/personnummer.h): a number accepted is 12 digits with a valid Luhn check digit,
// parses again to itself, and its birth date sits where the separator says (within 100 years before the
// reference for '-' or none, 100-200 years before for '+'); a refusal names what is wrong without a digit.
// SPDX-License-Identifier: Apache-2.0
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/identity/personnummer.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace std::chrono;
using finsam::identity::IdentityKind;
using finsam::identity::parsePersonnummer;

constexpr const char* kTarget = "personnummer";

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return !text.empty();
}

int number(std::string_view digits) {
    int value = 0;
    for (char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

void check(std::string_view input, year_month_day reference) {
    const auto result = parsePersonnummer(input, reference);
    if (!result.ok) {
        FUZZ_CHECK(kTarget, !result.error.empty(), "a refusal without a reason");
        for (char c : result.error) {
            FUZZ_CHECK(kTarget, c < '0' || c > '9', "the error quotes a digit: " + result.error);
        }
        return;
    }
    const auto& id = result.identity;
    FUZZ_CHECK(kTarget, result.error.empty(), "an accepted number with an error");
    FUZZ_CHECK(kTarget, id.normalized.size() == 12 && allDigits(id.normalized), "normalized is not 12 digits");
    FUZZ_CHECK(kTarget, number(std::string_view(id.normalized).substr(0, 4)) == id.birthYear,
               "birthYear differs from the normalized form");
    FUZZ_CHECK(kTarget,
               finsam::identity::luhnCheckDigit(std::string_view(id.normalized).substr(2, 9)) ==
                   id.normalized[11] - '0',
               "normalized form fails its own check digit");

    // The ten digits the input ends with (separator removed) are the normalized form's last ten.
    std::string ten;
    for (char c : input) {
        if (c >= '0' && c <= '9') {
            ten.push_back(c);
        }
    }
    ten = ten.substr(ten.size() - 10);
    FUZZ_CHECK(kTarget, id.normalized.substr(2) == ten, "normalized does not end with the input's ten digits");

    const unsigned rawDay = static_cast<unsigned>(number(std::string_view(id.normalized).substr(6, 2)));
    FUZZ_CHECK(kTarget, (rawDay > 60) == (id.kind == IdentityKind::kSamordningsnummer), "kind disagrees with the day");
    const year_month_day birth{year{id.birthYear},
                               month{static_cast<unsigned>(number(std::string_view(id.normalized).substr(4, 2)))},
                               day{rawDay > 60 ? rawDay - 60 : rawDay}};
    FUZZ_CHECK(kTarget, birth.ok(), "an accepted number with an impossible birth date");
    FUZZ_CHECK(kTarget,
               (id.sex == finsam::identity::Sex::kMan) == ((id.normalized[10] - '0') % 2 == 1),
               "sex disagrees with the second-to-last digit");

    // Ten digits: the century follows from the reference and the separator.
    const bool shortForm = input.size() == 10 || input.size() == 11;
    if (shortForm) {
        const bool plus = input.size() == 11 && input[6] == '+';
        const auto refDays = sys_days{reference};
        const auto birthDays = sys_days{birth};
        const auto lower = sys_days{reference - years{plus ? 200 : 100}};
        const auto upper = plus ? sys_days{reference - years{100}} : refDays;
        // year_month_day - years can give 29 February of a non-leap year: compare by day counts only
        // when both ends are valid dates.
        if ((reference - years{plus ? 200 : 100}).ok() && (!plus || (reference - years{100}).ok())) {
            FUZZ_CHECK(kTarget, birthDays > lower && birthDays <= upper,
                       "the century of a 10-digit number is not the one the separator asks for");
        }
    }

    // The normalized form is itself a valid spelling and means the same person.
    const auto again = parsePersonnummer(id.normalized, reference);
    FUZZ_CHECK(kTarget, again.ok, "normalized form does not parse again");
    FUZZ_CHECK(kTarget,
               again.identity.normalized == id.normalized && again.identity.kind == id.kind &&
                   again.identity.sex == id.sex && again.identity.birthYear == id.birthYear,
               "normalized form parses to another identity");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check(input, year_month_day{year{2020}, month{12}, day{31}});
    check(input, year_month_day{year{2000}, month{2}, day{29}});
    return 0;
}
