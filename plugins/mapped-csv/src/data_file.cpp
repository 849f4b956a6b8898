// plugins/mapped-csv/src/data_file.cpp — encoding, then CSV syntax, then the header: any failure
// refuses the file.
// SPDX-License-Identifier: Apache-2.0
#include "data_file.h"

#include <algorithm>
#include <filesystem>

#include "source_text.h"
#include "text_encoding.h"

namespace finsam::connectors::mapped_csv {

namespace tk = sdk::toolkit;

namespace {

// Offset just after `lines` physical lines (CRLF, LF or a lone CR end one), or the end of `text`.
std::size_t offsetAfterLines(std::string_view text, std::int64_t lines) {
    std::size_t i = 0;
    for (std::int64_t skipped = 0; skipped < lines && i < text.size(); ++skipped) {
        while (i < text.size() && text[i] != '\r' && text[i] != '\n') {
            ++i;
        }
        if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
        }
        if (i < text.size()) {
            ++i;
        }
    }
    return i;
}

struct Parsed {
    std::vector<tk::CsvRecord> records;  ///< non-empty records, header included
    std::optional<tk::CsvError> error;
};

// The CSV syntax is ASCII, so records can be read (and counted) even from text not yet decoded.
Parsed parseRecords(std::string_view text, const Settings& settings) {
    const auto skip = settings.syntax.skipLines;
    auto document = tk::readCsv(text.substr(offsetAfterLines(text, skip)),
                                {settings.syntax.separator, settings.syntax.quote});
    Parsed parsed;
    parsed.error = document.error;
    for (auto& record : document.records) {
        if (!record.empty()) {
            record.line += skip;
            record.lastLine += skip;
            parsed.records.push_back(std::move(record));
        }
    }
    if (parsed.error) {
        // The reader counted lines from the first one it saw; the file's lines include the skipped.
        parsed.error->line += skip;
        parsed.error->message = "a quoted field opened on line " +
                                std::to_string(parsed.error->line) +
                                " is not closed before the end of the file";
    }
    return parsed;
}

std::int64_t dataRows(const Parsed& parsed, const Settings& settings) {
    const auto records = static_cast<std::int64_t>(parsed.records.size());
    const std::int64_t header = settings.syntax.header && records > 0 ? 1 : 0;
    return records - header + (parsed.error ? 1 : 0);
}

}  // namespace

std::optional<DataFile> DataFile::load(std::string path, const std::string& bytes,
                                       const Settings& settings, FileRejection& rejection) {
    const std::string name = std::filesystem::path(path).filename().string();
    std::string failure;
    const auto text = decodeSource(bytes, settings.syntax.encoding, failure);
    if (!text) {
        rejection = {"bad_encoding", name + ": " + failure,
                     dataRows(parseRecords(tk::stripUtf8Bom(bytes), settings), settings)};
        return std::nullopt;
    }
    Parsed parsed = parseRecords(*text, settings);
    if (parsed.error) {
        rejection = {"bad_csv", name + ": " + parsed.error->message, dataRows(parsed, settings)};
        return std::nullopt;
    }
    DataFile file;
    file.path_ = std::move(path);
    if (!settings.syntax.header) {
        file.layout_ = ColumnLayout::fromColumnCount(settings);
        file.rows_ = std::move(parsed.records);
        return file;
    }
    if (parsed.records.empty()) {
        rejection = {"bad_header", name + ": no header row", 0};
        return std::nullopt;
    }
    auto layout = ColumnLayout::fromHeader(parsed.records.front(), settings, failure);
    if (!layout) {
        rejection = {"bad_header", name + ": " + failure, dataRows(parsed, settings)};
        return std::nullopt;
    }
    file.layout_ = std::move(*layout);
    file.rows_.assign(std::make_move_iterator(parsed.records.begin() + 1),
                      std::make_move_iterator(parsed.records.end()));
    return file;
}

}  // namespace finsam::connectors::mapped_csv
