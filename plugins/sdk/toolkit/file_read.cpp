// plugins/sdk/toolkit/file_read.cpp — one read of the bytes, so a hash and a parse see the same
// content.
// SPDX-License-Identifier: Apache-2.0
#include "file_read.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

std::optional<std::string> readPrivateFile(const std::filesystem::path& path, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = errno == ENOENT ? "no such file" : std::strerror(errno);
        return std::nullopt;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    if (!S_ISREG(info.st_mode)) {
        error = "is not a regular file";
        return std::nullopt;
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        error = "is accessible by group or others (chmod 600 it)";
        return std::nullopt;
    }
    std::string content;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            error = std::strerror(errno);
            std::memset(buffer, 0, sizeof buffer);
            return std::nullopt;
        }
        if (n == 0) {
            break;
        }
        content.append(buffer, static_cast<std::size_t>(n));
    }
    std::memset(buffer, 0, sizeof buffer);  // no copy of the secret left on the stack
    return content;
}

}  // namespace finsam::sdk::toolkit
