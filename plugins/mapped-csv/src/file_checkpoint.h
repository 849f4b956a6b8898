// plugins/mapped-csv/src/file_checkpoint.h — the opaque checkpoint: files applied, and where a file
// stands.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace finsam::connectors::mapped_csv {

/// A file partly read: after a crash the host replays from here, so nothing is lost or repeated.
struct FilePosition {
    std::string file;         ///< name in the drop folder
    std::string sha256;       ///< of its bytes: a rewritten file is a new file, never resumed
    std::int64_t offset = 0;  ///< data rows already given to the host
    std::int64_t line = 0;    ///< physical line of the next data row, to detect a mismatch
};

/// Text form, written deterministically (sorted names):
/// {"v":1,"applied":{"<file>":"<sha256>",...},"reading":{"file":..,"sha256":..,"offset":..,"line":..}}
/// ("reading" only while a file is partly read).
struct FileCheckpoint {
    std::map<std::string, std::string> applied;  ///< file name -> SHA-256 of the content applied
    std::optional<FilePosition> reading;

    /// af-csv.md: "A file already applied (same name and SHA-256) is skipped".
    bool isApplied(const std::string& file, const std::string& sha256) const;

    std::string toString() const;
    /// nullopt for text this connector did not write; "" is the empty checkpoint (nothing yet).
    static std::optional<FileCheckpoint> parse(const std::string& text);
};

}  // namespace finsam::connectors::mapped_csv
