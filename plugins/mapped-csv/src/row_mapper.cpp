// plugins/mapped-csv/src/row_mapper.cpp — shape, anonymity, key, operation, then each field in
// turn.
// SPDX-License-Identifier: Apache-2.0
#include "row_mapper.h"

#include <algorithm>

#include "safe_message.h"
#include "shifted_span.h"
#include "value_converter.h"
#include "value_syntax.h"

namespace finsam::connectors::mapped_csv {

namespace tk = sdk::toolkit;

namespace {

// Problem::field for a column that is not a canonical field (a key column): its header name.
std::string columnName(const ColumnRef& column) {
    return column.byName() ? column.name : "column " + std::to_string(column.number);
}

// "column 'Kön'" or "column 5", for messages.
std::string columnPhrase(const ColumnRef& column) {
    return column.byName() ? "column " + column.label() : column.label();
}

}  // namespace

struct RowMapper::RowState {
    const tk::CsvRecord& row;
    std::string raw;
    std::string key;
    bool anonymous = false;
    std::vector<sdk::Field> fields;
    std::optional<sdk::Problem> problem;
};

RowMapper::RowMapper(const Settings& settings, const DataFile& file)
    : settings_(settings), file_(file) {}

std::string_view RowMapper::cell(const tk::CsvRecord& row, const ColumnRef& column) const {
    const auto index = static_cast<std::size_t>(file_.layout().columnOf(column));
    return index >= 1 && index <= row.fields.size() ? tk::trim(row.fields[index - 1].value)
                                                    : std::string_view{};
}

// In a row of the wrong shape nothing after a missing or extra separator can be trusted; the first
// column is the one cell no shift can move. A wrong key would let the host retract the real entity.
std::string RowMapper::trustedKey(const tk::CsvRecord& row) const {
    const auto& keys = settings_.keyColumns;
    if (keys.size() == 1 && file_.layout().columnOf(keys.front()) == 1) {
        return std::string(cell(row, keys.front()));
    }
    return {};
}

// forbund-csv.md: an anonymous row's number is "dropped unread", so it must not travel in raw either; and no
// row's identity cells (numbers, names) travel in a problem's raw, which the host keeps for whoever corrects it.
// In a row of the wrong shape the cells after a missing or extra one have moved by that many, so every cell an
// identity may have moved to goes.
std::string RowMapper::blankIdentities(const tk::CsvRecord& row) const {
    std::vector<std::size_t> identities;  // 1-based columns
    for (const auto& mapping : settings_.fields) {
        if (mapping.identity() && mapping.column) {
            identities.push_back(static_cast<std::size_t>(file_.layout().columnOf(*mapping.column)));
        }
    }
    if (identities.empty()) {
        return row.raw;
    }
    const std::size_t width = file_.layout().width();
    const std::size_t size = row.fields.size();
    const auto span = tk::widenedSpan(identities, width, size);  // set: identities is not empty
    auto blanked = [&](std::size_t column) {
        if (size == width) {
            return std::find(identities.begin(), identities.end(), column) != identities.end();
        }
        return span->contains(column);
    };
    std::string raw = row.raw;
    for (std::size_t column = size; column >= 1; --column) {  // right to left: earlier offsets stay valid
        if (blanked(column)) {
            raw.erase(row.fields[column - 1].offset, row.fields[column - 1].length);
        }
    }
    return raw;
}

sdk::Problem RowMapper::problem(const RowState& state, std::int32_t column, std::string field,
                                std::string code, std::string message) const {
    sdk::Problem problem;
    problem.position = {file_.path(), state.row.line};
    problem.column = column;
    problem.field = std::move(field);
    problem.code = std::move(code);
    problem.message = std::move(message);
    problem.raw = blankIdentities(state.row);
    problem.entity = settings_.entity;
    problem.key = state.key;
    return problem;
}

bool RowMapper::readKey(RowState& state) const {
    std::string key;
    for (std::size_t i = 0; i < settings_.keyColumns.size(); ++i) {
        const auto& column = settings_.keyColumns[i];
        const auto value = cell(state.row, column);
        if (value.empty()) {
            state.key.clear();
            state.problem = problem(state, file_.layout().columnOf(column), columnName(column),
                                    "missing_value", "key " + columnPhrase(column) + " is empty");
            return false;
        }
        key += (i == 0 ? "" : settings_.keySeparator) + std::string(value);
    }
    state.key = std::move(key);
    return true;
}

bool RowMapper::readField(RowState& state, const FieldMapping& mapping) const {
    if (mapping.constant) {
        state.fields.push_back({mapping.field, *mapping.constant, 0});
        return true;
    }
    if (mapping.identity() && state.anonymous) {
        return true;  // dropped unread
    }
    const auto column = file_.layout().columnOf(*mapping.column);
    const auto value = cell(state.row, *mapping.column);
    const std::string where =
        columnPhrase(*mapping.column) + " (" + settings_.entity + "." + mapping.field + ")";
    if (value.empty()) {
        if (mapping.required) {
            state.problem = problem(state, column, mapping.field, "missing_value",
                                    where + " is empty but required");
            return false;
        }
        return true;
    }
    auto converted = convertCell(mapping, value, settings_.syntax);
    if (converted.error) {
        const auto& error = *converted.error;
        const std::string shown =
            mapping.identity() ? "(value withheld)" : tk::quoteForMessage(error.item);
        state.problem = problem(state, column, mapping.field, error.code,
                                where + ": " + shown + " " + error.expectation);
        return false;
    }
    for (auto& item : converted.values) {
        state.fields.push_back({mapping.field, std::move(item), column});
    }
    return true;
}

RowResult RowMapper::map(const tk::CsvRecord& row) const {
    RowState state{row, row.raw, {}, false, {}, std::nullopt};
    const std::size_t width = file_.layout().width();
    if (row.fields.size() != width) {
        state.key = trustedKey(row);
        return {std::nullopt, problem(state, 0, {}, "wrong_shape",
                                      "row has " + std::to_string(row.fields.size()) +
                                          " fields, expected " + std::to_string(width))};
    }
    // Before anything can quote the row: an anonymous row's identities must not travel.
    if (settings_.dropIdentityWhen) {
        state.anonymous =
            settings_.dropIdentityWhen->matches(cell(row, settings_.dropIdentityWhen->column));
        if (state.anonymous) {
            state.raw = blankIdentities(row);
        }
    }
    if (!readKey(state)) {
        return {std::nullopt, std::move(state.problem)};
    }
    sdk::Record record;
    record.entity = settings_.entity;
    record.key = state.key;
    record.position = {file_.path(), row.line};
    if (settings_.deleteWhen &&
        settings_.deleteWhen->matches(cell(row, settings_.deleteWhen->column))) {
        record.operation = sdk::Operation::kRetract;  // a deletion needs only the key
        record.raw = std::move(state.raw);
        return {std::move(record), std::nullopt};
    }
    for (const auto& mapping : settings_.fields) {
        if (!readField(state, mapping)) {
            return {std::nullopt, std::move(state.problem)};
        }
    }
    record.fields = std::move(state.fields);
    record.raw = std::move(state.raw);
    return {std::move(record), std::nullopt};
}

sdk::Problem RowMapper::duplicateKey(const sdk::Record& record, const tk::CsvRecord& row,
                                     std::int64_t earlierLine) const {
    const auto& first = settings_.keyColumns.front();
    sdk::Problem problem;
    problem.position = record.position;
    problem.column = file_.layout().columnOf(first);
    problem.field = columnName(first);
    problem.code = "duplicate_key";
    problem.message = "key " + tk::quoteForMessage(record.key) + " is already on line " +
                      std::to_string(earlierLine) + " of this snapshot";
    problem.raw = blankIdentities(row);
    problem.entity = record.entity;
    problem.key = record.key;
    return problem;
}

}  // namespace finsam::connectors::mapped_csv
