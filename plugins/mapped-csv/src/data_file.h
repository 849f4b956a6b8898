// plugins/mapped-csv/src/data_file.h — one file checked as a whole before any row is used.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "column_layout.h"
#include "csv_reader.h"
#include "mapped_csv_settings.h"

namespace finsam::connectors::mapped_csv {

/// Why a whole file is refused; `rows` counts its data rows so the host's counts reconcile.
struct FileRejection {
    std::string code;  ///< bad_encoding | bad_csv | bad_header
    std::string message;
    std::int64_t rows = 0;
};

/// A file whose bytes are text in the configured encoding, valid CSV, with every mapped column.
/// Rows that are empty in every cell (blank lines, a spreadsheet's ",,,") are not data and are left
/// out; line numbers are physical lines of the file, skipped lines included.
class DataFile {
public:
    /// Checks `bytes` (the content of `path`) per `settings.syntax`: all or nothing.
    static std::optional<DataFile> load(std::string path, const std::string& bytes,
                                        const Settings& settings, FileRejection& rejection);

    const std::string& path() const { return path_; }
    const std::vector<sdk::toolkit::CsvRecord>& rows() const { return rows_; }
    const ColumnLayout& layout() const { return layout_; }

private:
    std::string path_;
    std::vector<sdk::toolkit::CsvRecord> rows_;
    ColumnLayout layout_;
};

}  // namespace finsam::connectors::mapped_csv
