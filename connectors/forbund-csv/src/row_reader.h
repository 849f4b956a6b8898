// connectors/forbund-csv/src/row_reader.h — one data row: cells by header name, syntax checks, the
// first problem.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finsam/sdk/connector.h"
#include "sheet.h"
#include "value_syntax.h"

namespace finsam::connectors::forbund_csv {

/// Reads the cells of one row into canonical fields. Every add*() skips an empty cell and records
/// the first syntax problem of the row; later checks still run but the row is quarantined with that
/// first problem (one quarantine entry per row, so counts reconcile). Values that may hold an
/// identity are never quoted in messages.
class RowReader {
public:
    RowReader(const Sheet& sheet, const sdk::toolkit::CsvRecord& row);

    /// False when the row has another number of fields than the header (problem wrong_shape set).
    bool checkShape();
    /// The trimmed cell under `header` ("" when the file has no such column).
    std::string_view cell(std::string_view header) const;
    /// The cell, or a missing_value problem when it is empty.
    std::string require(std::string_view header);

    void addText(std::vector<sdk::Field>& out, std::string name, std::string_view header) const;
    /// forbund-csv.md "Lists inside a field are separated by ;": one Field per item, same column.
    void addList(std::vector<sdk::Field>& out, const std::string& name,
                 std::string_view header) const;
    /// forbund-csv.md "Dates YYYY-MM-DD"; bad_date otherwise.
    void addDate(std::vector<sdk::Field>& out, std::string name, std::string_view header);
    /// forbund-csv.md amounts ("1 250 000", "8 423,50") as dot decimals; bad_amount otherwise.
    void addAmount(std::vector<sdk::Field>& out, std::string name, std::string_view header);
    /// Whole numbers (counts may group thousands as amounts do); bad_integer otherwise. Returns the
    /// canonical value, nullopt when the cell is empty or bad.
    std::optional<std::string> addInteger(std::vector<sdk::Field>& out, std::string name,
                                          std::string_view header,
                                          sdk::toolkit::DigitGrouping grouping);

    /// Records a problem with the row unless it already has one.
    void fail(std::string_view header, std::string code, std::string message);
    /// Removes the cell under `header` from raw() (the cell becomes empty): an identity dropped.
    void blankRawCell(std::string_view header);

    /// The entity and source key a problem of this row names (connector.h Problem::entity/key): the
    /// host then keeps that entity when the snapshot completes instead of retracting it.
    void identify(std::string entity, std::string key);

    /// The cell under `header` when it can be trusted as the row's key: always in a row of the right shape,
    /// and in a row of the wrong shape only when it is the first column (nothing before it can shift it).
    /// Otherwise "": a wrong key would let the host retract the entity the row really is.
    std::string keyCell(std::string_view header) const;

    bool ok() const { return !problem_.has_value(); }
    /// The row's first problem, naming the entity and key given to identify(). Precondition: !ok().
    sdk::Problem problem() const;
    sdk::Position position() const { return {sheet_.path(), row_.line}; }
    const std::string& raw() const { return raw_; }
    std::int32_t column(std::string_view header) const { return sheet_.column(header); }

private:
    const sdk::toolkit::CsvField* field(std::string_view header) const;

    const Sheet& sheet_;
    const sdk::toolkit::CsvRecord& row_;
    std::string raw_;
    std::optional<sdk::Problem> problem_;
    std::string entity_;
    std::string key_;
};

/// Keys a sheet has accepted, with their lines: the same key on a later row is a duplicate_key.
class SeenKeys {
public:
    /// Fails `row` (naming `header`) when `key` was accepted before and the row has no problem yet.
    /// `label` says what the key is made of, e.g. "Deltagande-ID" or "Insats-ID/Budgetår".
    void check(RowReader& row, const std::string& key, std::string_view header,
               std::string_view label) const;
    void add(const std::string& key, std::int64_t line) { lines_.emplace(key, line); }

private:
    std::map<std::string, std::int64_t> lines_;
};

/// A record of `entity` at the reader's position with its (possibly redacted) raw row.
sdk::Record makeRecord(const RowReader& reader, std::string entity, std::string key,
                       std::vector<sdk::Field> fields);

}  // namespace finsam::connectors::forbund_csv
