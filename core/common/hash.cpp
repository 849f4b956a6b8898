// core/common/hash.cpp — Poco SHA2Engine and RandomInputStream wrappers.
// SPDX-License-Identifier: Apache-2.0
#include "core/common/hash.h"

#include <Poco/DigestEngine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>

#include <vector>

namespace finsam::common {

std::string sha256Hex(std::string_view data) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(data.data(), static_cast<unsigned>(data.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string randomHex(int bytes) {
    std::vector<unsigned char> buffer(static_cast<std::size_t>(bytes));
    Poco::RandomInputStream random;
    random.read(reinterpret_cast<char*>(buffer.data()), bytes);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    out.reserve(buffer.size() * 2);
    for (unsigned char byte : buffer) {
        out += kHex[byte >> 4];
        out += kHex[byte & 0x0f];
    }
    return out;
}

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
