// core/common/hash.cpp — Poco SHA2Engine and RandomInputStream wrappers.
// SPDX-License-Identifier: Apache-2.0
#include "core/common/hash.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <sys/random.h>

#include <cerrno>
#include <stdexcept>
#include <vector>

namespace finsam::common {

std::string sha256Hex(std::string_view data) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(data.data(), static_cast<unsigned>(data.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

namespace {

std::vector<unsigned char> randomBytes(int bytes) {
    std::vector<unsigned char> buffer(static_cast<std::size_t>(bytes));
    // getrandom(2) from the kernel CSPRNG: no file to open per call (Poco::RandomInputStream opens
    // /dev/urandom each time, which dominated ingest when every feed event got an id).
    std::size_t filled = 0;
    while (filled < buffer.size()) {
        ssize_t got = getrandom(buffer.data() + filled, buffer.size() - filled, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw std::runtime_error("getrandom failed");
        }
        filled += static_cast<std::size_t>(got);
    }
    return buffer;
}

std::string encode(const std::vector<unsigned char>& buffer, const char* alphabet) {
    std::string out;
    out.reserve(buffer.size() * 2);
    for (unsigned char byte : buffer) {
        out += alphabet[byte >> 4];
        out += alphabet[byte & 0x0f];
    }
    return out;
}

}  // namespace

std::string randomHex(int bytes) { return encode(randomBytes(bytes), "0123456789abcdef"); }

std::string randomLetters(int bytes) { return encode(randomBytes(bytes), "abcdefghijklmnop"); }

bool constantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return difference == 0;
}

}  // namespace finsam::common
