// connectors/forbund-csv/src/sheet.h — one sheet file checked as a whole: encoding, CSV syntax,
// header row.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_reader.h"
#include "sheet_columns.h"

namespace finsam::connectors::forbund_csv {

/// The bytes of one sheet as read from the drop folder (nullopt when it could not be read).
struct SheetFile {
    SheetKind kind = SheetKind::kInsatser;
    std::string path;  ///< full path, for positions
    std::optional<std::string> bytes;
    bool missing = false;   ///< the file does not exist (as opposed to existing but unreadable)
    std::string readError;  ///< why bytes is empty, e.g. "Permission denied"
};

/// Why a whole sheet is refused; `rows` counts its data rows so the host's counts reconcile.
struct SheetFailure {
    std::string code;  ///< missing_sheet | unreadable | bad_encoding | bad_csv | bad_header
    std::string message;
    std::int64_t rows = 0;
};

/// A sheet whose bytes are valid UTF-8 CSV with every expected column. Rows that are empty in every
/// cell (blank lines, a spreadsheet's trailing ",,,") are not data and are left out.
class Sheet {
public:
    /// Checks `file` per forbund-csv.md "Encoding and syntax"; on failure nullopt and `failure`.
    static std::optional<Sheet> load(const SheetFile& file, SheetFailure& failure);

    SheetKind kind() const { return kind_; }
    const std::string& path() const { return path_; }
    std::string_view fileName() const { return sheetFile(kind_); }
    const std::vector<sdk::toolkit::CsvRecord>& rows() const { return rows_; }
    /// Number of header cells; a data row must have exactly this many fields.
    std::size_t width() const { return width_; }
    /// 1-based column of `header`, 0 when the file has no such column.
    std::int32_t column(std::string_view header) const;
    /// Header cells the spec does not list (kept, ignored, reported as a warning).
    const std::vector<std::string>& unknownColumns() const { return unknownColumns_; }

private:
    SheetKind kind_ = SheetKind::kInsatser;
    std::string path_;
    std::vector<sdk::toolkit::CsvRecord> rows_;
    std::size_t width_ = 0;
    std::map<std::string, std::int32_t, std::less<>> columns_;
    std::vector<std::string> unknownColumns_;
};

}  // namespace finsam::connectors::forbund_csv
