// plugins/mapped-csv/src/known_hashes.cpp — size and modification time as a cheap "unchanged" test.
// SPDX-License-Identifier: Apache-2.0
#include "known_hashes.h"

namespace finsam::connectors::mapped_csv {

namespace fs = std::filesystem;

std::optional<FileStamp> FileStamp::of(const fs::path& path) {
    std::error_code sizeError, timeError;
    FileStamp stamp{fs::file_size(path, sizeError), fs::last_write_time(path, timeError)};
    if (sizeError || timeError) {
        return std::nullopt;
    }
    return stamp;
}

std::optional<std::string> KnownHashes::find(const fs::path& path) const {
    const auto it = known_.find(path);
    if (it == known_.end() || FileStamp::of(path) != it->second.first) {
        return std::nullopt;
    }
    return it->second.second;
}

void KnownHashes::remember(const fs::path& path, const FileStamp& before,
                           const std::string& sha256) {
    known_[path] = {before, sha256};
}

}  // namespace finsam::connectors::mapped_csv
