// tests/generator/csv_writer.h — CSV text as a spreadsheet saves it: quoting, line ends, BOM.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace finsam::generator {

/// Text encoding choices of one partner's CSV dialect. The text itself is always built as UTF-8; a
/// writer for a Windows-1252 partner converts the finished text.
struct CsvDialect {
    char separator = ',';
    std::string lineEnd = "\r\n";
    bool byteOrderMark = false;  ///< UTF-8 BOM (EF BB BF) before the header
    bool quoteEveryField = false;  ///< some exporters quote every non-empty field, needed or not
};

/// Accumulates rows. Quoting follows Excel: a field is quoted only when it contains the separator,
/// a quote, CR or LF, and quotes inside are doubled. Line breaks inside a field are kept as they
/// are (Excel writes LF), only the record terminator is `lineEnd`.
class CsvWriter {
public:
    explicit CsvWriter(CsvDialect dialect);

    void addRow(const std::vector<std::string>& fields);
    const std::string& text() const {
        return text_;
    }

private:
    void appendField(std::string_view field);

    CsvDialect dialect_;
    std::string text_;
};

/// Joins list values with `;` (lists inside one CSV field).
std::string joinList(const std::vector<std::string>& values);

}  // namespace finsam::generator
