// plugins/mapped-csv/src/column_layout.h — where each column the settings name sits in one file.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "csv_reader.h"
#include "mapped_csv_settings.h"

namespace finsam::connectors::mapped_csv {

/// Columns are named in the settings (by header name or number); a file says where they are.
class ColumnLayout {
public:
    /// With a header: every column the settings name by name must be in `header` exactly once
    /// (order is free); otherwise nullopt and `failure` lists them. Unnamed extra columns are fine.
    static std::optional<ColumnLayout> fromHeader(const sdk::toolkit::CsvRecord& header,
                                                  const Settings& settings, std::string& failure);
    /// Without a header: numbers as given, every row `syntax.column_count` wide.
    static ColumnLayout fromColumnCount(const Settings& settings);

    /// The number of fields every data row must have.
    std::size_t width() const { return width_; }
    /// 1-based column of `ref` in this file (it was checked to exist).
    std::int32_t columnOf(const ColumnRef& ref) const;

private:
    std::size_t width_ = 0;
    std::map<std::string, std::int32_t, std::less<>> byName_;
};

/// Every column `settings` refers to: key columns, fields, delete_when, drop_identity_when.
std::vector<ColumnRef> referencedColumns(const Settings& settings);

}  // namespace finsam::connectors::mapped_csv
