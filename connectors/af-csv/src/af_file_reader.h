// connectors/af-csv/src/af_file_reader.h — one AF file: encoding, CSV syntax, header, rows.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "af_row_mapper.h"
#include "finsam/sdk/connector.h"

namespace finsam::connectors::af_csv {

/// A file read in full. Either `rejected` is set (the whole file is refused: nothing of it may be applied) or
/// `rows` holds every data row, mapped.
struct AfFile {
    std::vector<MappedRow> rows;
    std::optional<sdk::RejectedSource> rejected;
    std::vector<std::string> warnings;
};

/// Reads `bytes`, the content of file `source` dated `fileDate`. A file that is actually UTF-8 (a BOM, or
/// well-formed multi-byte UTF-8 sequences such as `Ã¥` where Windows-1252 text would have `å`) is refused:
/// decoding it as Windows-1252 would corrupt every name. Messages name lines, never the file: its name holds
/// the förbund's organisationsnummer, a ten-digit number, and the position already names the file.
AfFile readAfFile(const std::string& bytes, const std::string& source, const std::string& fileDate);

/// Data rows in `bytes` (non-blank physical lines after the header; CRLF, LF or CR end a line), for counting a
/// refused file.
std::int64_t countDataRows(const std::string& bytes);

}  // namespace finsam::connectors::af_csv
