// connectors/af-csv/src/af_file_reader.cpp — Windows-1252 → UTF-8, ';' CSV, header by name, rows mapped.
// SPDX-License-Identifier: Apache-2.0
#include "af_file_reader.h"

#include <algorithm>

#include "csv_reader.h"
#include "safe_message.h"
#include "text_encoding.h"

namespace finsam::connectors::af_csv {

namespace {

bool hasHighBytes(const std::string& bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// UTF-8 å ä ö é ü (C3 followed by 80-BF) read as Windows-1252 is "Ã¥", "Ã¤", …: text no Swedish register holds.
bool hasUtf8Letters(const std::string& bytes) {
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        const auto next = static_cast<unsigned char>(bytes[i + 1]);
        if (lead == 0xC3 && next >= 0x80 && next <= 0xBF) {
            return true;
        }
    }
    return false;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        out += (out.empty() ? "" : ", ") + name;
    }
    return out;
}

}  // namespace

std::int64_t countDataRows(const std::string& bytes) {
    std::int64_t rows = 0;
    bool header = true;
    std::size_t start = 0;
    while (start < bytes.size()) {
        // CRLF, LF and a lone CR end a line, as for the CSV reader; CRLF leaves an empty line, which is blank.
        std::size_t end = bytes.find_first_of("\r\n", start);
        end = end == std::string::npos ? bytes.size() : end;
        const bool blank = bytes.find_first_not_of(" ;", start) >= end;
        if (!blank) {
            rows += header ? 0 : 1;
            header = false;
        }
        start = end + 1;
    }
    return rows;
}

AfFile readAfFile(const std::string& bytes, const std::string& source, const std::string& fileDate) {
    AfFile file;
    auto refuse = [&](std::int64_t line, std::string code, std::string message) {
        file.rows.clear();
        file.rejected = sdk::RejectedSource{{source, line}, std::move(code), std::move(message), countDataRows(bytes)};
        return file;
    };
    if (sdk::toolkit::hasUtf8Bom(bytes) || (hasHighBytes(bytes) && sdk::toolkit::isValidUtf8(bytes)) ||
        hasUtf8Letters(bytes)) {
        return refuse(1, "wrong_encoding",
                      "the file is UTF-8, not Windows-1252 as af-csv.md requires: refused whole, since reading it "
                      "as Windows-1252 would corrupt names. Ask AF to export it again.");
    }
    const std::string text = sdk::toolkit::toUtf8(bytes, sdk::toolkit::Charset::kWindows1252);
    sdk::toolkit::CsvReader reader(text, {';', '"'});
    sdk::toolkit::CsvRecord record;
    bool haveHeader = false;
    Header header;
    while (reader.next(record)) {
        if (record.empty()) {
            continue;  // a trailing empty line may occur
        }
        if (!haveHeader) {
            header = readHeader(record);
            if (!header.missing.empty()) {
                return refuse(record.line, "bad_header",
                              "line " + std::to_string(record.line) + ": the header lacks column(s) " +
                                  joined(header.missing));
            }
            if (!header.unknown.empty()) {
                // A header cell is partner text: quoted only when it cannot hold an identity.
                std::vector<std::string> shown;
                for (const auto& name : header.unknown) {
                    shown.push_back(sdk::toolkit::quoteForMessage(name));
                }
                file.warnings.push_back("AF snapshot of " + fileDate +
                                        ": unknown column(s) ignored: " + joined(shown));
            }
            haveHeader = true;
            continue;
        }
        file.rows.push_back(mapRow(record, header, source, fileDate));
    }
    if (reader.error()) {
        return refuse(reader.error()->line, "bad_syntax",
                      "line " + std::to_string(reader.error()->line) + ": " + reader.error()->message);
    }
    if (!haveHeader) {
        return refuse(1, "bad_header", "the file is empty: no header row");
    }
    return file;
}

}  // namespace finsam::connectors::af_csv
