// plugins/mapped-csv/src/value_converter.cpp — syntax settings and value tables applied to one
// cell.
// SPDX-License-Identifier: Apache-2.0
#include "value_converter.h"

#include "value_syntax.h"

namespace finsam::connectors::mapped_csv {

namespace {

std::optional<CellError> convertItem(const FieldMapping& mapping, std::string_view item,
                                     const Syntax& syntax, std::string& out) {
    std::optional<std::string> converted;
    std::string code;
    std::string expectation;
    switch (mapping.conversion) {
        case Conversion::kText:
            converted = std::string(item);
            break;
        case Conversion::kDate:
            converted = syntax.dateFormat.toIso(item);
            code = "bad_date";
            expectation = "is not a date " + syntax.dateFormat.layout();
            break;
        case Conversion::kInteger:
            converted = syntax.numberFormat.wholeNumber(item);
            code = "bad_integer";
            expectation = "is not a whole number (" + syntax.numberFormat.describe() + ")";
            break;
        case Conversion::kDecimal:
            converted = syntax.numberFormat.decimal(item);
            code = "bad_decimal";
            expectation = "is not a number (" + syntax.numberFormat.describe() + ")";
            break;
        case Conversion::kDecimalToInteger:
            converted = syntax.numberFormat.integralDecimal(item);
            code = "bad_integer";
            expectation = "is not a whole number or a decimal with a zero fraction (" +
                          syntax.numberFormat.describe() + ")";
            break;
    }
    if (!converted) {
        return CellError{code, std::string(item), expectation};
    }
    if (!mapping.table) {
        out = std::move(*converted);
        return std::nullopt;
    }
    const auto entry = mapping.table->find(*converted);
    if (entry == mapping.table->end()) {
        const std::string table = mapping.tableName.empty()
                                      ? "the field's value table"
                                      : "value table '" + mapping.tableName + "'";
        return CellError{"unmapped_value", *converted, "is not in " + table};
    }
    out = entry->second;
    return std::nullopt;
}

}  // namespace

CellValues convertCell(const FieldMapping& mapping, std::string_view cell, const Syntax& syntax) {
    CellValues result;
    const auto items = mapping.listSeparator ? sdk::toolkit::splitList(cell, *mapping.listSeparator)
                                             : std::vector<std::string>{std::string(cell)};
    for (const auto& item : items) {
        std::string value;
        if (auto error = convertItem(mapping, item, syntax, value)) {
            result.values.clear();
            result.error = std::move(error);
            return result;
        }
        result.values.push_back(std::move(value));
    }
    return result;
}

}  // namespace finsam::connectors::mapped_csv
