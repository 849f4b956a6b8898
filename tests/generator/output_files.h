// tests/generator/output_files.h — writes a partner's files as senders must: *.tmp, then rename.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace finsam::generator {

/// Writes `content` to `path` + ".tmp", flushes and closes it, then renames it over `path`, so a
/// reader never sees a half-written file (formats/README.md). Creates the parent directory. Throws
/// std::runtime_error naming the path on any failure.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content);

/// Removes `path` if it exists (e.g. an old KLAR marker before a new set is written). Throws on
/// failure.
void removeIfPresent(const std::filesystem::path& path);

/// A file too large to hold in memory, written through a small buffer into `path` + ".tmp" and
/// renamed over `path` by commit(). Destroyed without commit(), it removes the .tmp file. Throws
/// std::runtime_error naming the path on any failure.
class StreamingFile {
public:
    explicit StreamingFile(std::filesystem::path path);
    ~StreamingFile();
    StreamingFile(const StreamingFile&) = delete;
    StreamingFile& operator=(const StreamingFile&) = delete;

    void append(std::string_view bytes);
    void commit();

private:
    void flushBuffer();

    std::filesystem::path path_;
    std::filesystem::path temporary_;
    std::ofstream out_;
    std::string buffer_;
    bool committed_ = false;
};

}  // namespace finsam::generator
