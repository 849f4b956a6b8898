// plugins/sdk/toolkit/csv_reader.h — RFC 4180 / Excel CSV tokenizer over an in-memory buffer, with
// positions.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace finsam::sdk::toolkit {

struct CsvOptions {
    char separator = ',';
    char quote = '"';
};

/// One field of a record, unquoted. `offset`/`length` locate its source text (quotes included) in
/// CsvRecord::raw, so a caller can blank one cell out of the raw row (e.g. a dropped identity).
struct CsvField {
    std::string value;
    std::int32_t column = 0;  ///< 1-based
    std::size_t offset = 0;
    std::size_t length = 0;
    bool quoted = false;
};

struct CsvRecord {
    std::vector<CsvField> fields;
    std::int64_t line = 0;  ///< 1-based physical line the record starts on
    std::int64_t lastLine =
        0;            ///< physical line it ends on (greater when a quoted field holds line breaks)
    std::string raw;  ///< the record's text without its line terminator

    /// True when every field is empty and unquoted: a blank line or a spreadsheet's empty row
    /// (",,,").
    bool empty() const;
};

struct CsvError {
    std::int64_t line = 0;  ///< where the offending quoted field opened
    std::string message;    ///< never quotes cell content
};

/// Splits a buffer into records. CRLF, LF and a lone CR all end a physical line; inside quotes they
/// are kept as data. A doubled quote inside a quoted field is one quote. Lenient where Excel is: a
/// quote inside an unquoted field is data, and text after a closing quote is appended to the field.
/// The buffer must outlive the reader. Not thread-safe.
class CsvReader {
public:
    explicit CsvReader(std::string_view text, CsvOptions options = {});

    /// Reads the next record. Returns false at the end of the input, or on a syntax error (error()
    /// is set and the reader stays at the end).
    bool next(CsvRecord& record);

    const std::optional<CsvError>& error() const { return error_; }

private:
    bool readQuoted(std::string& value);
    void readUnquoted(std::string& value);
    bool atLineBreak() const;
    void consumeLineBreak();

    std::string_view text_;
    CsvOptions options_;
    std::size_t pos_ = 0;
    std::int64_t line_ = 1;
    std::optional<CsvError> error_;
};

/// Every record of `text`, plus the error that stopped reading, if any.
struct CsvDocument {
    std::vector<CsvRecord> records;
    std::optional<CsvError> error;
};

CsvDocument readCsv(std::string_view text, CsvOptions options = {});

}  // namespace finsam::sdk::toolkit
