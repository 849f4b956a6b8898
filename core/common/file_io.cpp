// core/common/file_io.cpp — POSIX write/fsync/close with errno reporting.
// SPDX-License-Identifier: Apache-2.0
#include "core/common/file_io.h"

#include <unistd.h>

#include <cerrno>

namespace finsam::common {

int writeSyncClose(int fd, std::string_view data) {
    int error = 0;
    std::size_t written = 0;
    while (error == 0 && written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            error = n < 0 ? errno : EIO;
        } else {
            written += static_cast<std::size_t>(n);
        }
    }
    if (error == 0 && ::fsync(fd) != 0) {
        error = errno;
    }
    if (::close(fd) != 0 && error == 0) {
        error = errno;
    }
    return error;
}

}  // namespace finsam::common
