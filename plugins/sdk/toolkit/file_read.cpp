// plugins/sdk/toolkit/file_read.cpp — one read of the bytes, so a hash and a parse see the same
// content.
// SPDX-License-Identifier: Apache-2.0
#include "file_read.h"

#include <cerrno>
#include <fstream>
#include <sstream>

namespace finsam::sdk::toolkit {

std::optional<std::string> readWholeFile(const std::filesystem::path& path, std::string& error) {
    std::error_code code;
    if (!std::filesystem::exists(path, code)) {
        error = "no such file";
        return std::nullopt;
    }
    if (std::filesystem::is_directory(path, code)) {
        error = "is a directory";
        return std::nullopt;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = errno != 0 ? std::generic_category().message(errno) : "cannot be opened";
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) {
        error = "read error";
        return std::nullopt;
    }
    return bytes.str();
}

}  // namespace finsam::sdk::toolkit
