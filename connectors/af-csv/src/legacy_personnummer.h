// connectors/af-csv/src/legacy_personnummer.h — AF's older 10-digit numbers, century taken from the file date.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace finsam::connectors::af_csv {

/// af-csv.md: older rows carry YYMMDD-NNNN or YYMMDD+NNNN (+ = aged 100 or more); the century is resolved
/// against the file date (YYYY-MM-DD), not today. Returns YYYYMMDD-NNNN for such a number; any other text is
/// returned unchanged, for the hub's identity stage to accept or quarantine (it validates date and Luhn).
/// Samordningsnummer (day + 60) are handled. Never logs or reports the number.
std::string withCentury(const std::string& number, const std::string& fileDate);

}  // namespace finsam::connectors::af_csv
