// connectors/kommun-api/src/person_token.cpp — HMAC-SHA256 with Poco, as core/identity does.
// SPDX-License-Identifier: Apache-2.0
#include "person_token.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/SHA2Engine.h>

namespace finsam::connectors::kommun_api {

namespace {

// Poco 1.11's SHA2Engine lacks the BLOCK_SIZE/DIGEST_SIZE constants HMACEngine<> needs (FIPS 180-4:
// 64-byte blocks, 32-byte digest for SHA-256).
class Sha256Engine : public Poco::SHA2Engine {
public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };

    Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

using HmacSha256 = Poco::HMACEngine<Sha256Engine>;

// Domain-separated parts, so a token can never equal the key check or another use of the key.
Poco::DigestEngine::Digest hmac(const std::string& key, std::string_view domain, std::string_view message) {
    HmacSha256 engine(key.data(), key.size());
    engine.update(domain.data(), domain.size());
    engine.update('\0');
    engine.update(message.data(), message.size());
    return engine.digest();
}

}  // namespace

PersonTokens::PersonTokens(std::string joinKey) : key_(std::move(joinKey)) {}

PersonToken PersonTokens::of(std::string_view number) const {
    const auto digest = hmac(key_, "kommun-api person", number);
    PersonToken token = 0;
    for (std::size_t i = 0; i < sizeof(PersonToken); ++i) {
        token = (token << 8) | digest[i];
    }
    return token;
}

std::string PersonTokens::keyCheck() const {
    return Poco::DigestEngine::digestToHex(hmac(key_, "kommun-api key check", "")).substr(0, 16);
}

}  // namespace finsam::connectors::kommun_api
