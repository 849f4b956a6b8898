// connectors/fk-fixed/src/line_reader.h — LF-terminated lines of a file, streamed with byte
// offsets, in bounded memory whatever the file holds.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "sha256_stream.h"

namespace finsam::connectors::fk_fixed {

/// One physical line, without its LF.
struct Line {
    std::string_view text;     ///< the first LineReader::kKeptBytes bytes; valid until next()
    std::uint64_t length = 0;  ///< the whole line's length in bytes, even when longer than `text`
    bool endedWithLf = false;  ///< false only for a last line the file does not end with LF
    std::int64_t number = 0;   ///< 1-based physical line
};

/// Reads a file line by line from a byte offset. A line longer than kKeptBytes is measured but not
/// kept, so a file without line breaks cannot exhaust memory. Not thread-safe.
class LineReader {
public:
    static constexpr std::size_t kKeptBytes = 512;

    /// Opens `path` at byte `offset`, where line `firstLineNumber` starts. `digest`, when given,
    /// receives every byte read from there on (so from offset 0 it hashes the whole file).
    /// False with `error` set when the file cannot be opened or positioned.
    bool open(const std::filesystem::path& path, std::uint64_t offset, std::int64_t firstLineNumber,
              std::string& error, Sha256Stream* digest = nullptr);

    /// The next line; false at the end of the file or on a read error (then failed() is true).
    bool next(Line& line);

    /// Goes back to byte `offset` (line `lineNumber`) of the same open file, with no digest: what
    /// is applied then is what was checked, even if the file was replaced on disk meanwhile.
    bool rewind(std::uint64_t offset, std::int64_t lineNumber);

    bool failed() const { return failed_; }
    /// Byte offset where the line after the last one returned starts.
    std::uint64_t offset() const { return offset_; }
    /// Number of the line the next call returns.
    std::int64_t nextLineNumber() const { return nextLine_; }

private:
    bool fill();

    std::ifstream in_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    std::string kept_;
    std::uint64_t offset_ = 0;
    std::int64_t nextLine_ = 1;
    bool failed_ = false;
    Sha256Stream* digest_ = nullptr;
};

}  // namespace finsam::connectors::fk_fixed
