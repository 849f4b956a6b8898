// core/identity/personnummer.h — parse, validate and normalise personnummer and samordningsnummer.
// Rules: ../architecture §3 (Skatteverket SKV 704): 10 or 12 digits, '-' or '+', Luhn on the 10-digit form.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace finsam::identity {

enum class IdentityKind { kPersonnummer, kSamordningsnummer };
enum class Sex { kMan, kKvinna };

/// A valid number in canonical form. Lives in memory only, between a connector and the identity stage.
struct ParsedIdentity {
    IdentityKind kind = IdentityKind::kPersonnummer;
    std::string normalized;  ///< 12 digits, YYYYMMDDNNNC (samordningsnummer keep day + 60)
    Sex sex = Sex::kMan;     ///< parity of the second-to-last digit: odd = man
    int birthYear = 0;
};

/// Outcome of parsing. `error` never quotes the input: it names what is wrong, not the number.
struct ParseResult {
    bool ok = false;
    ParsedIdentity identity;
    std::string error;
};

/// Parses `input` in every common spelling: YYYYMMDDNNNC, YYYYMMDD-NNNC, YYMMDD-NNNC, YYMMDDNNNC, YYMMDD+NNNC,
/// YYYYMMDD+NNNC. Spaces anywhere are an error. For the 10-digit forms the century is the latest one that puts
/// the birth date on or before `reference` ('-' or no separator), or 100 years before that ('+': aged 100+).
ParseResult parsePersonnummer(std::string_view input, std::chrono::year_month_day reference);

/// Same, with today's date (Europe/Stockholm calendar day) as the reference.
ParseResult parsePersonnummer(std::string_view input);

/// Luhn (mod 10) check digit over the 9 digits YYMMDDNNN; used by validation and by the test-data generator.
int luhnCheckDigit(std::string_view nineDigits);

const char* toString(IdentityKind kind);  ///< "personnummer" | "samordningsnummer"
const char* toString(Sex sex);            ///< "man" | "kvinna"

}  // namespace finsam::identity
