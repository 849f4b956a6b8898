// connectors/region-fhir/src/swedish_identity.h — is an identifier value a well-formed personnummer or
// samordningsnummer of the kind its system says? Checked here, not only in the hub's identity stage, so a
// bad one is quarantined with the JSON pointer of the value (the hub can name only the field).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace finsam::connectors::region_fhir {

enum class NationalKind { kPersonnummer, kSamordningsnummer };

/// Why `value` is not a `kind` number in the FHIR form (12 digits, YYYYMMDDNNNC, or with '-' before the
/// last four), or nullopt when it is one: a real birth date (samordningsnummer: day + 60) and the Luhn
/// check digit. The reason never quotes the value.
std::optional<std::string> nationalNumberProblem(std::string_view value, NationalKind kind);

/// The twelve digits of a value nationalNumberProblem() accepted ('-' removed).
std::string twelveDigits(std::string_view value);

}  // namespace finsam::connectors::region_fhir
