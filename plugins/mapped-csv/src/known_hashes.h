// plugins/mapped-csv/src/known_hashes.h — SHA-256 of files already hashed in this run, while they
// stay unchanged.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace finsam::connectors::mapped_csv {

/// A file's size and modification time: a cheap "has it changed?".
struct FileStamp {
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified;

    bool operator==(const FileStamp&) const = default;
    /// nullopt when the file cannot be examined.
    static std::optional<FileStamp> of(const std::filesystem::path& path);
};

/// Looking for the next unapplied file would otherwise read every applied file again in every
/// batch (quadratic in a backlog). A hash is reused only while the file's stamp is the one taken
/// before it was read; anything else is read and hashed again. Per run, in memory: the checkpoint
/// holds only names and SHA-256, the rule af-csv.md states.
class KnownHashes {
public:
    /// The remembered hash of `path`, when its stamp is unchanged.
    std::optional<std::string> find(const std::filesystem::path& path) const;
    /// Remembers `sha256` of the bytes read after `before` was taken (a write during the read
    /// changes the stamp, so such a hash is never reused).
    void remember(const std::filesystem::path& path, const FileStamp& before,
                  const std::string& sha256);

private:
    std::map<std::filesystem::path, std::pair<FileStamp, std::string>> known_;
};

}  // namespace finsam::connectors::mapped_csv
