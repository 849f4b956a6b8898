// core/common/hash.cpp — Poco SHA2Engine and HMACEngine wrappers, and OS random bytes.
// SPDX-License-Identifier: Apache-2.0
#include "core/common/hash.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/SHA2Engine.h>

#include <sys/random.h>

#include <algorithm>
#include <array>
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

// Poco 1.11's SHA2Engine lacks the BLOCK_SIZE/DIGEST_SIZE constants HMACEngine<> needs; this adds them for
// SHA-256 (FIPS 180-4: 64-byte blocks, 32-byte digest), so Poco's RFC 2104 HMAC is used as is.
class Sha256Engine : public Poco::SHA2Engine {
public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };

    Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

}  // namespace

std::string hmacSha256Hex(std::string_view key, std::initializer_list<std::string_view> parts) {
    Poco::HMACEngine<Sha256Engine> hmac(key.data(), key.size());
    for (std::string_view part : parts) {
        hmac.update(part.data(), part.size());
    }
    return Poco::DigestEngine::digestToHex(hmac.digest());
}

namespace {

// Draws from the kernel CSPRNG (getrandom(2)) through a per-thread pool refilled 4 KiB at a time: a new
// person key or feed batch per record made one system call each dominate bulk ingest. Bytes are never reused.
std::vector<unsigned char> randomBytes(int bytes) {
    thread_local std::array<unsigned char, 4096> pool;
    thread_local std::size_t used = pool.size();
    std::vector<unsigned char> buffer;
    buffer.reserve(static_cast<std::size_t>(bytes));
    while (buffer.size() < static_cast<std::size_t>(bytes)) {
        if (used == pool.size()) {
            std::size_t filled = 0;
            while (filled < pool.size()) {
                ssize_t got = getrandom(pool.data() + filled, pool.size() - filled, 0);
                if (got < 0) {
                    if (errno == EINTR) {
                        continue;
                    }
                    throw std::runtime_error("getrandom failed");
                }
                filled += static_cast<std::size_t>(got);
            }
            used = 0;
        }
        std::size_t take = std::min(pool.size() - used, static_cast<std::size_t>(bytes) - buffer.size());
        buffer.insert(buffer.end(), pool.begin() + static_cast<std::ptrdiff_t>(used),
                      pool.begin() + static_cast<std::ptrdiff_t>(used + take));
        std::fill_n(pool.begin() + static_cast<std::ptrdiff_t>(used), take, 0);  // drawn bytes leave the pool
        used += take;
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
