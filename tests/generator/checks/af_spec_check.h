// tests/generator/checks/af_spec_check.h — reads an AF file strictly by af-csv.md, written apart
// from the generator so the two cannot share a mistake.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

namespace finsam::generator::checks {

/// A row a hub must quarantine, named as the truth names it.
struct AfRowProblem {
    std::size_t line = 0;
    std::string field;   ///< AF column; "" for the whole row
    std::string reason;  ///< wrong_shape, bad_value, invalid_personnummer, unknown_code
    bool operator==(const AfRowProblem&) const = default;
};

struct AfRow {
    std::size_t line = 0;
    std::vector<std::string> fields;  ///< UTF-8
};

struct AfFile {
    std::string name;
    std::string date;  ///< YYYY-MM-DD from the name
    bool utf8 = false;  ///< a BOM or UTF-8 sequences: the hub must refuse the file
    bool hasLetterBeyondAscii = false;
    bool trailingEmptyLine = false;
    bool quotedFields = false;
    std::vector<std::string> header;
    std::vector<AfRow> rows;
    std::vector<std::string> violations;  ///< breaks of the spec a generator must never make
    std::vector<AfRowProblem> problems;   ///< rows the hub must quarantine (planted faults)

    /// The cell of `column` (by header name), "" when the row is too short.
    std::string value(const AfRow& row, const std::string& column) const;
};

/// The spec's column names, in its order.
const std::vector<std::string>& afSpecColumns();

/// Parses and checks `bytes` of a file named `name` (af_finsam_<10 digits>_<YYYYMMDD>.csv).
AfFile checkAfFile(const std::string& name, const std::string& bytes);

/// The 12-digit form of a number as AF writes it (10 or 12 digits), century from `fileDate`.
std::string normalisedNumber(const std::string& number, const std::string& fileDate);

}  // namespace finsam::generator::checks
