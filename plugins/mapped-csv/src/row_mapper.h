// plugins/mapped-csv/src/row_mapper.h — one data row to a record or to the problem that keeps it
// out.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "csv_reader.h"
#include "data_file.h"
#include "finsam/sdk/connector.h"
#include "mapped_csv_settings.h"

namespace finsam::connectors::mapped_csv {

/// Exactly one of the two is set: a row is accepted or quarantined, never both or neither.
struct RowResult {
    std::optional<sdk::Record> record;
    std::optional<sdk::Problem> problem;
};

/// Applies the settings to the rows of one file. Stateless: the same row always maps the same way,
/// which is what makes a replay from a checkpoint exact. Messages name the file (by position),
/// line, column, field and reason, and quote a value only when it is not an identity and cannot be
/// one.
class RowMapper {
public:
    /// Both must outlive the mapper.
    RowMapper(const Settings& settings, const DataFile& file);

    RowResult map(const sdk::toolkit::CsvRecord& row) const;

    /// The problem for a snapshot row (`record`, mapped from `row`) whose key an earlier row (on `earlierLine`)
    /// already had.
    sdk::Problem duplicateKey(const sdk::Record& record, const sdk::toolkit::CsvRecord& row,
                              std::int64_t earlierLine) const;

private:
    struct RowState;

    std::string_view cell(const sdk::toolkit::CsvRecord& row, const ColumnRef& column) const;
    std::string trustedKey(const sdk::toolkit::CsvRecord& row) const;
    std::string blankIdentities(const sdk::toolkit::CsvRecord& row) const;
    bool readKey(RowState& state) const;
    bool readField(RowState& state, const FieldMapping& mapping) const;
    sdk::Problem problem(const RowState& state, std::int32_t column, std::string field,
                         std::string code, std::string message) const;

    const Settings& settings_;
    const DataFile& file_;
};

}  // namespace finsam::connectors::mapped_csv
