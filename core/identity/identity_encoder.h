// core/identity/identity_encoder.h — keyed Bloom-filter encodings and blocking tags, made while the clear identity
// is still at hand and the only form of it that outlives the identity stage.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/identity/identity_encoding.h"
#include "core/identity/pseudonymizer.h"

namespace finsam::identity {

/// What a source told of a person, in clear, for the moment it takes to encode it. Empty = not given.
struct IdentityFields {
    std::string number;        ///< digits only (the normalised 12-digit personnummer, or a benchmark's id)
    std::string fornamn;       ///< UTF-8, any case
    std::string efternamn;
    std::string fodelsedatum;  ///< YYYYMMDD
    std::string kon;           ///< kvinna | man | annat
};

/// Cryptographic long-term key encodings (Schnell et al.): every token of a field (positional digit bigrams for
/// number and date, padded letter bigrams for names, the value for kön) sets `k` bits of the field's segment,
/// at positions read from HMAC-SHA256 under a per-field key derived from the pseudonymisation key chain. Without
/// that key nobody can rebuild an encoding from a guessed identity (the dictionary attack that plain hashing
/// allows), and the per-field keys stop bigrams of one field from being compared with another's.
///
/// Blocking tags are "<pass>:" and a truncated HMAC of a coarse key: `d` birth date, `sy` surname + birth year,
/// `nn` both names, `n01`/`n02`/`n12` two of the three groups of the number's digits. Two records become a
/// candidate pair when they share one.
///
/// Thread-safe; positions of a token are cached after the first HMAC (the cache holds key-derived positions,
/// never a clear value of a person: tokens are bigrams).
class IdentityEncoder {
public:
    explicit IdentityEncoder(const Pseudonymizer& pseudonymizer);

    IdentityEncoding encode(const IdentityFields& fields) const;
    std::vector<std::string> blockingTags(const IdentityFields& fields) const;

    /// The key the encodings are made under: encodings of different keys are never compared.
    const std::string& keyId() const { return keyId_; }

    /// Names as compared: lowercase letters only (Å Ä Ö É Ü folded to lower case), no spaces, hyphens or digits.
    static std::string normaliseName(std::string_view name);

private:
    using Positions = std::array<std::uint16_t, 32>;  // k of every segment is at most 32
    const Positions& positions(EncodedField field, const std::string& token) const;
    void addToken(IdentityEncoding& encoding, EncodedField field, const std::string& token) const;
    std::string tag(std::string_view pass, std::string_view value) const;

    std::string keyId_;
    std::array<std::string, kEncodedFieldCount> fieldKeys_;
    std::string blockingKey_;
    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, Positions> cache_;
};

}  // namespace finsam::identity
