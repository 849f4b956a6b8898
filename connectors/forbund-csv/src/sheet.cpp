// connectors/forbund-csv/src/sheet.cpp — forbund-csv.md "Encoding and syntax", checked before any
// row is used.
// SPDX-License-Identifier: Apache-2.0
#include "sheet.h"

#include <algorithm>

#include "safe_message.h"
#include "text_encoding.h"
#include "value_syntax.h"

namespace finsam::connectors::forbund_csv {

namespace {

using sdk::toolkit::CsvRecord;

std::int64_t countDataRows(const std::vector<CsvRecord>& records) {
    if (records.empty()) {
        return 0;
    }
    return std::count_if(records.begin() + 1, records.end(),
                         [](const CsvRecord& r) { return !r.empty(); });
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        // Header cells are names, but a sheet saved without its header row would put data here.
        out += (out.empty() ? "" : ", ") + sdk::toolkit::quoteForMessage(name);
    }
    return out;
}

// The header must hold every column the spec names, each once; order is free (columns map by name).
bool checkHeader(const CsvRecord& header, SheetKind kind,
                 std::map<std::string, std::int32_t, std::less<>>& columns,
                 std::vector<std::string>& unknown, std::string& message) {
    std::vector<std::string> duplicates;
    for (const auto& cell : header.fields) {
        std::string name(sdk::toolkit::trim(cell.value));
        if (!columns.emplace(name, cell.column).second) {
            duplicates.push_back(name);
        }
    }
    std::vector<std::string> missing;
    for (auto expected : expectedColumns(kind)) {
        if (columns.find(expected) == columns.end()) {
            missing.emplace_back(expected);
        }
    }
    const auto& known = expectedColumns(kind);
    for (const auto& [name, column] : columns) {
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            unknown.push_back(name);
        }
    }
    if (!missing.empty()) {
        message = "header row lacks column(s) " + joined(missing);
    } else if (!duplicates.empty()) {
        message = "header row repeats column(s) " + joined(duplicates);
    }
    return message.empty();
}

}  // namespace

std::optional<Sheet> Sheet::load(const SheetFile& file, SheetFailure& failure) {
    const std::string name(sheetFile(file.kind));
    if (!file.bytes) {
        failure = {file.missing ? "missing_sheet" : "unreadable",
                   name + (file.missing ? ": missing from the set"
                                        : ": cannot be read: " + file.readError),
                   0};
        return std::nullopt;
    }
    const std::string_view text = sdk::toolkit::stripUtf8Bom(*file.bytes);
    // The CSV syntax is ASCII, so rows can be counted even in a file that is not UTF-8.
    auto document = sdk::toolkit::readCsv(text);
    const std::int64_t rows = countDataRows(document.records) + (document.error ? 1 : 0);
    if (auto bad = sdk::toolkit::findInvalidUtf8(text)) {
        failure = {"bad_encoding",
                   name + ": line " + std::to_string(bad->line) +
                       " is not UTF-8 (the spec asks for CSV UTF-8)",
                   rows};
        return std::nullopt;
    }
    if (document.error) {
        failure = {"bad_csv", name + ": " + document.error->message, rows};
        return std::nullopt;
    }
    if (document.records.empty() || document.records.front().empty()) {
        failure = {"bad_header", name + ": no header row", rows};
        return std::nullopt;
    }
    Sheet sheet;
    std::string message;
    if (!checkHeader(document.records.front(), file.kind, sheet.columns_, sheet.unknownColumns_,
                     message)) {
        failure = {"bad_header", name + ": " + message, rows};
        return std::nullopt;
    }
    sheet.kind_ = file.kind;
    sheet.path_ = file.path;
    sheet.width_ = document.records.front().fields.size();
    for (std::size_t i = 1; i < document.records.size(); ++i) {
        if (!document.records[i].empty()) {
            sheet.rows_.push_back(std::move(document.records[i]));
        }
    }
    return sheet;
}

std::int32_t Sheet::column(std::string_view header) const {
    auto it = columns_.find(header);
    return it == columns_.end() ? 0 : it->second;
}

}  // namespace finsam::connectors::forbund_csv
