// tests/generator/csv_writer.cpp — CSV text as a spreadsheet saves it: quoting, line ends, BOM.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/csv_writer.h"

#include <utility>

namespace finsam::generator {

CsvWriter::CsvWriter(CsvDialect dialect) : dialect_(std::move(dialect)) {
    if (dialect_.byteOrderMark) {
        text_ = "\xEF\xBB\xBF";
    }
}

void CsvWriter::addRow(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            text_ += dialect_.separator;
        }
        appendField(fields[i]);
    }
    text_ += dialect_.lineEnd;
}

void CsvWriter::appendField(std::string_view field) {
    const bool needsQuotes =
        (dialect_.quoteEveryField && !field.empty()) ||
        field.find_first_of(std::string{dialect_.separator, '"', '\r', '\n'}) != std::string_view::npos;
    if (!needsQuotes) {
        text_ += field;
        return;
    }
    text_ += '"';
    for (const char c : field) {
        if (c == '"') {
            text_ += '"';
        }
        text_ += c;
    }
    text_ += '"';
}

std::string joinList(const std::vector<std::string>& values) {
    std::string joined;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) {
            joined += ';';
        }
        joined += values[i];
    }
    return joined;
}

}  // namespace finsam::generator
