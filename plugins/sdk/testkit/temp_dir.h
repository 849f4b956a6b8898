// plugins/sdk/testkit/temp_dir.h — a scratch directory per test, so file-drop connectors run on
// copies.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace finsam::sdk::testkit {

/// Creates a fresh directory under the system temp dir; removes it and its contents on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// Copies the regular files of `from` (not subdirectories) into `to`, overwriting, and returns how
/// many.
int copyFiles(const std::filesystem::path& from, const std::filesystem::path& to);

/// Sets the modification time of `file` to `offset` after the newest file in its directory, so a
/// marker is reliably "written last" whatever order a checkout or copy gave the files.
void touchAfterSiblings(const std::filesystem::path& file,
                        std::filesystem::file_time_type::duration offset = std::chrono::seconds(1));

/// Writes `content` to `path` as an operator must keep a secret: mode 0600 (the hub refuses one that group or
/// others may read).
void writeSecretFile(const std::filesystem::path& path, const std::string& content);

}  // namespace finsam::sdk::testkit
