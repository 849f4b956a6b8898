// core/identity/key_file.cpp — loads the pseudonymisation secret and refuses an unsafe one.
// Rules: architecture §3 (the secret comes from a key file, has an id and can be rotated).
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/key_file.h"

#include <Poco/RandomStream.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <iterator>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/common/file_io.h"
#include "file_read.h"

namespace finsam::identity {

namespace {

// A secret shorter than this is refused: 32 bytes (e.g. 64 hex digits carry 256 bits).
constexpr std::size_t kMinSecretBytes = 32;
// Fewer random bytes than this would give a file loadKeyFile() refuses (2 hex digits per byte).
constexpr int kMinNewKeyBytes = 16;

[[noreturn]] void fail(const std::string& path, const std::string& reason) {
    // Names the path and the reason only; never the file's contents.
    throw std::runtime_error("key file " + path + ": " + reason);
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string toHex(const unsigned char* bytes, std::size_t count) {
    static constexpr char kHexDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(count * 2);
    for (std::size_t i = 0; i < count; ++i) {
        out.push_back(kHexDigits[bytes[i] >> 4]);
        out.push_back(kHexDigits[bytes[i] & 0x0f]);
    }
    return out;
}

}  // namespace

std::string trimSecret(std::string value) {
    std::size_t end = value.size();
    while (end > 0 && isSpace(value[end - 1])) {
        --end;
    }
    std::size_t begin = 0;
    while (begin < end && isSpace(value[begin])) {
        ++begin;
    }
    return value.substr(begin, end - begin);
}

PseudonymKey loadKeyFile(const std::string& path, const std::string& keyId) {
    std::string error;
    auto content = sdk::toolkit::readPrivateFile(path, error);
    if (!content) {
        fail(path, error == "no such file" ? "does not exist" : error);
    }
    PseudonymKey key;
    key.id = keyId;
    // The trimmed text itself is the HMAC key (writeNewKeyFile writes hex; it is not decoded).
    key.secret = trimSecret(std::move(*content));
    if (key.secret.size() < kMinSecretBytes) {
        fail(path, "secret is shorter than 32 bytes after trimming whitespace");
    }
    return key;
}

void writeNewKeyFile(const std::string& path, int bytes) {
    if (bytes < kMinNewKeyBytes) {
        fail(path, "a new key needs at least 16 random bytes");
    }
    const std::size_t count = static_cast<std::size_t>(bytes);
    std::string raw(count, '\0');
    Poco::RandomInputStream random;
    random.read(raw.data(), static_cast<std::streamsize>(count));
    if (random.gcount() != static_cast<std::streamsize>(count)) {
        fail(path, "could not read enough random bytes");
    }
    std::string text = toHex(reinterpret_cast<const unsigned char*>(raw.data()), count) + "\n";
    std::fill(raw.begin(), raw.end(), '\0');

    // O_EXCL refuses to overwrite; fchmod pins the mode to exactly 0600 whatever the umask.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        fail(path, errno == EEXIST ? "already exists (refusing to overwrite)"
                                   : std::string("cannot create: ") + std::strerror(errno));
    }
    int error = 0;
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        error = errno;
    }
    if (error != 0) {
        ::close(fd);
    } else {
        error = common::writeSyncClose(fd, text);
    }
    std::fill(text.begin(), text.end(), '\0');
    if (error != 0) {
        ::unlink(path.c_str());
        fail(path, std::string("cannot write: ") + std::strerror(error));
    }
}

}  // namespace finsam::identity
