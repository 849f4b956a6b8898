// plugins/sdk/toolkit/csv_reader.cpp — RFC 4180 §2 tokenizer with Excel's leniencies and physical
// line numbers.
// SPDX-License-Identifier: Apache-2.0
#include "csv_reader.h"

namespace finsam::sdk::toolkit {

bool CsvRecord::empty() const {
    for (const auto& field : fields) {
        if (field.quoted || !field.value.empty()) {
            return false;
        }
    }
    return true;
}

CsvReader::CsvReader(std::string_view text, CsvOptions options) : text_(text), options_(options) {}

bool CsvReader::atLineBreak() const {
    return pos_ < text_.size() && (text_[pos_] == '\r' || text_[pos_] == '\n');
}

// CRLF counts as one line break, as do a lone LF and a lone CR (old Mac exports).
void CsvReader::consumeLineBreak() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
        ++pos_;
    }
    ++pos_;
    ++line_;
}

// RFC 4180 §2.5-2.7: a quoted field may hold separators, line breaks and doubled quotes.
bool CsvReader::readQuoted(std::string& value) {
    const std::int64_t openedOn = line_;
    ++pos_;
    while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c == options_.quote) {
            if (pos_ + 1 < text_.size() && text_[pos_ + 1] == options_.quote) {
                value.push_back(c);
                pos_ += 2;
                continue;
            }
            ++pos_;
            return true;
        }
        if (c == '\r' || c == '\n') {
            const std::size_t from = pos_;
            consumeLineBreak();
            value.append(text_.substr(from, pos_ - from));
            continue;
        }
        value.push_back(c);
        ++pos_;
    }
    error_ = CsvError{openedOn, "a quoted field opened on line " + std::to_string(openedOn) +
                                    " is not closed before the end of the file"};
    return false;
}

void CsvReader::readUnquoted(std::string& value) {
    while (pos_ < text_.size() && text_[pos_] != options_.separator && !atLineBreak()) {
        value.push_back(text_[pos_]);
        ++pos_;
    }
}

bool CsvReader::next(CsvRecord& record) {
    record = CsvRecord{};
    if (error_ || pos_ >= text_.size()) {
        return false;
    }
    const std::size_t start = pos_;
    record.line = line_;
    while (true) {
        CsvField field;
        field.column = static_cast<std::int32_t>(record.fields.size() + 1);
        field.offset = pos_ - start;
        if (pos_ < text_.size() && text_[pos_] == options_.quote) {
            field.quoted = true;
            if (!readQuoted(field.value)) {
                pos_ = text_.size();
                return false;
            }
        }
        readUnquoted(field.value);
        field.length = pos_ - start - field.offset;
        record.fields.push_back(std::move(field));
        if (pos_ < text_.size() && text_[pos_] == options_.separator) {
            ++pos_;
            continue;
        }
        break;
    }
    record.raw = std::string(text_.substr(start, pos_ - start));
    record.lastLine = line_;
    if (atLineBreak()) {
        consumeLineBreak();
    }
    return true;
}

CsvDocument readCsv(std::string_view text, CsvOptions options) {
    CsvDocument document;
    CsvReader reader(text, options);
    CsvRecord record;
    while (reader.next(record)) {
        document.records.push_back(std::move(record));
    }
    document.error = reader.error();
    return document;
}

}  // namespace finsam::sdk::toolkit
