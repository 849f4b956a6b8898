// core/identity/pseudonymizer.cpp — link keys: HMAC-SHA256(secret, kind ":" normalised number).
// Rules: architecture §3 (never a plain hash: the number space is small enough to brute-force).
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/pseudonymizer.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/SHA2Engine.h>

#include <stdexcept>
#include <utility>

namespace finsam::identity {

namespace {

// Poco 1.11's SHA2Engine lacks the BLOCK_SIZE/DIGEST_SIZE constants HMACEngine<> needs; this adds
// them for SHA-256 (FIPS 180-4: 64-byte blocks, 32-byte digest), so Poco's RFC 2104 HMAC is used
// as is.
class Sha256Engine : public Poco::SHA2Engine {
public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };

    Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

using HmacSha256 = Poco::HMACEngine<Sha256Engine>;

std::string hmacHex(const std::string& secret, std::string_view a, std::string_view b = {},
                    std::string_view c = {}) {
    // A fresh engine per call keeps the Pseudonymizer immutable and thread-safe.
    HmacSha256 hmac(secret.data(), secret.size());
    hmac.update(a.data(), a.size());
    hmac.update(b.data(), b.size());
    hmac.update(c.data(), c.size());
    return Poco::DigestEngine::digestToHex(hmac.digest());
}

}  // namespace

Pseudonymizer::Pseudonymizer(PseudonymKey key) : key_(std::move(key)) {
    if (key_.secret.empty()) {
        throw std::invalid_argument("pseudonymisation secret is empty");
    }
}

LinkKey Pseudonymizer::linkKey(IdentityKind kind, std::string_view normalized) const {
    // The kind is part of the message, so a personnummer and a samordningsnummer never share a key.
    return LinkKey{key_.id, hmacHex(key_.secret, toString(kind), ":", normalized)};
}

LinkKey Pseudonymizer::localKey(std::string_view issuer, std::string_view id) const {
    // Opaque local ids link only within their issuer (architecture §3).
    const std::string prefix = "local:" + std::string(issuer) + ":";
    return LinkKey{key_.id, hmacHex(key_.secret, prefix, id)};
}

std::string Pseudonymizer::mac(std::string_view text) const {
    return hmacHex(key_.secret, text);
}

}  // namespace finsam::identity
