// core/identity/pseudonymizer.h — keyed pseudonyms (link keys) for identities: HMAC-SHA256, never a plain hash.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "core/identity/key_file.h"
#include "core/identity/personnummer.h"

namespace finsam::identity {

/// A link key: lowercase hex HMAC-SHA256 and the id of the key that made it.
struct LinkKey {
    std::string keyId;
    std::string value;
};

/// Computes link keys. Immutable after construction; safe to share between threads.
class Pseudonymizer {
public:
    explicit Pseudonymizer(PseudonymKey key);

    /// HMAC-SHA256(secret, kind || ":" || normalized), e.g. "personnummer:199001011239".
    LinkKey linkKey(IdentityKind kind, std::string_view normalized) const;

    /// For opaque local identifiers (reservnummer): HMAC-SHA256(secret, "local:" issuer ":" id).
    LinkKey localKey(std::string_view issuer, std::string_view id) const;

    /// HMAC-SHA256 hex over arbitrary text with the same secret (e.g. tokens of quarantined identities).
    std::string mac(std::string_view text) const;

    const std::string& keyId() const { return key_.id; }

private:
    PseudonymKey key_;
};

}  // namespace finsam::identity
