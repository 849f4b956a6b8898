// tests/generator/output_files.cpp — writes a partner's files as senders must: *.tmp, then rename.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/output_files.h"

#include <fstream>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace finsam::generator {

void writeFileAtomically(const std::filesystem::path& path, std::string_view content) {
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) {
        throw std::runtime_error(path.parent_path().string() +
                                 ": cannot create directory: " + error.message());
    }
    std::filesystem::path temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            throw std::runtime_error(temporary.string() + ": write failed");
        }
    }
    std::filesystem::rename(temporary, path, error);
    if (error) {
        throw std::runtime_error(path.string() + ": rename failed: " + error.message());
    }
}

namespace {

constexpr std::size_t kBufferBytes = 1 << 20;  // bounds memory however large the file

}  // namespace

StreamingFile::StreamingFile(std::filesystem::path path) : path_(std::move(path)) {
    std::error_code error;
    std::filesystem::create_directories(path_.parent_path(), error);
    if (error) {
        throw std::runtime_error(path_.parent_path().string() +
                                 ": cannot create directory: " + error.message());
    }
    temporary_ = path_;
    temporary_ += ".tmp";
    out_.open(temporary_, std::ios::binary | std::ios::trunc);
    if (!out_) {
        throw std::runtime_error(temporary_.string() + ": cannot open for writing");
    }
    buffer_.reserve(kBufferBytes);
}

StreamingFile::~StreamingFile() {
    if (!committed_) {
        out_.close();
        std::error_code ignored;
        std::filesystem::remove(temporary_, ignored);
    }
}

void StreamingFile::append(std::string_view bytes) {
    buffer_ += bytes;
    if (buffer_.size() >= kBufferBytes) {
        flushBuffer();
    }
}

void StreamingFile::flushBuffer() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (!out_) {
        throw std::runtime_error(temporary_.string() + ": write failed");
    }
    buffer_.clear();
}

void StreamingFile::commit() {
    flushBuffer();
    out_.close();
    if (!out_) {
        throw std::runtime_error(temporary_.string() + ": close failed");
    }
    std::error_code error;
    std::filesystem::rename(temporary_, path_, error);
    if (error) {
        throw std::runtime_error(path_.string() + ": rename failed: " + error.message());
    }
    committed_ = true;
}

void removeIfPresent(const std::filesystem::path& path) {
    std::error_code error;
    std::filesystem::remove(path, error);
    if (error) {
        throw std::runtime_error(path.string() + ": cannot remove: " + error.message());
    }
}

}  // namespace finsam::generator
