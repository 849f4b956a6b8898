// tests/generator/identity_spelling.h — the other ways partners write a generated number.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/calendar.h"

#include <string>

namespace finsam::generator {

/// "YYYYMMDD-NNNC" as 12 digits, "YYYYMMDDNNNC" (FK, kommun).
std::string twelveDigits(const std::string& number);

/// "YYYYMMDD-NNNC" in the old 10-digit form AF keeps on older rows: "YYMMDD-NNNC", or "YYMMDD+NNNC"
/// when the person is 100 or older on `reference` (the file date the reader resolves against).
std::string tenDigits(const std::string& number, Date reference);

/// The same number with its check digit made wrong (for the bad-personnummer fault).
std::string withWrongCheckDigit(const std::string& number);

}  // namespace finsam::generator
