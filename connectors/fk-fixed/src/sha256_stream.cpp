// connectors/fk-fixed/src/sha256_stream.cpp — Poco::SHA2Engine behind a small interface.
// SPDX-License-Identifier: Apache-2.0
#include "sha256_stream.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace finsam::connectors::fk_fixed {

struct Sha256Stream::Engine {
    Poco::SHA2Engine sha{Poco::SHA2Engine::SHA_256};
};

Sha256Stream::Sha256Stream() : engine_(std::make_unique<Engine>()) {}

Sha256Stream::~Sha256Stream() = default;

void Sha256Stream::update(std::string_view bytes) {
    engine_->sha.update(bytes.data(), static_cast<unsigned>(bytes.size()));
}

std::string Sha256Stream::hexDigest() {
    return Poco::DigestEngine::digestToHex(engine_->sha.digest());
}

}  // namespace finsam::connectors::fk_fixed
