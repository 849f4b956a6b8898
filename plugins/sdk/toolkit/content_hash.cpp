// plugins/sdk/toolkit/content_hash.cpp — Poco::SHA2Engine behind a small interface (connectors
// never see Poco).
// SPDX-License-Identifier: Apache-2.0
#include "content_hash.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace finsam::sdk::toolkit {

struct ContentHash::Engine {
    Poco::SHA2Engine sha{Poco::SHA2Engine::SHA_256};
};

ContentHash::ContentHash() : engine_(std::make_unique<Engine>()) {}

ContentHash::~ContentHash() = default;

void ContentHash::add(std::string_view part) {
    const std::string length = std::to_string(part.size()) + ":";
    engine_->sha.update(length.data(), static_cast<unsigned>(length.size()));
    engine_->sha.update(part.data(), static_cast<unsigned>(part.size()));
}

std::string ContentHash::hexDigest() {
    return Poco::DigestEngine::digestToHex(engine_->sha.digest());
}

std::string sha256Hex(std::string_view data) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(data.data(), static_cast<unsigned>(data.size()));
    return Poco::DigestEngine::digestToHex(sha.digest());
}

}  // namespace finsam::sdk::toolkit
