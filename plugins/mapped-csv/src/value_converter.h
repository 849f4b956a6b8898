// plugins/mapped-csv/src/value_converter.h — one cell to canonical values: split, convert, look up.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mapped_csv_settings.h"

namespace finsam::connectors::mapped_csv {

/// Why a cell could not become canonical values.
struct CellError {
    std::string code;         ///< bad_date | bad_integer | bad_decimal | unmapped_value
    std::string item;         ///< the offending text (one item of a list cell)
    std::string expectation;  ///< what it should have been, e.g. "is not a date DD/MM/YYYY"
};

struct CellValues {
    std::vector<std::string> values;  ///< one per list item; one for a plain cell
    std::optional<CellError> error;   ///< set: values is empty
};

/// Converts a non-empty, trimmed `cell` per `mapping`: a list cell is split on its separator
/// (items trimmed, empty ones dropped), each item converted per the mapping's type and then looked
/// up in its value table. The first failing item stops the cell.
CellValues convertCell(const FieldMapping& mapping, std::string_view cell, const Syntax& syntax);

}  // namespace finsam::connectors::mapped_csv
