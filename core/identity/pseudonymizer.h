// core/identity/pseudonymizer.h — keyed pseudonyms (link keys): chained HMAC-SHA256, never a hash.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/identity/key_file.h"
#include "core/identity/personnummer.h"

namespace finsam::identity {

/// A link key: lowercase hex HMAC-SHA256 and the id of the key that made it.
struct LinkKey {
    std::string keyId;
    std::string value;
};

/// Computes link keys under a key chain. Immutable after construction; safe to share between
/// threads.
///
/// The clear number is never stored, so a rotated key cannot be applied to numbers: it is applied
/// to the previous link key instead (see `finsam-hub rekey`). A link key under the chain k1..kn
/// (oldest first) is HMAC(kn, ... HMAC(k2, HMAC(k1, message)) ...), each step over the previous
/// step's lowercase hex. A chain of one key is the plain HMAC, so stores made before rotation
/// existed keep their values.
class Pseudonymizer {
public:
    /// A chain of one key.
    explicit Pseudonymizer(PseudonymKey key);

    /// The chain, oldest key first; the newest key's id is stored with every link key. Throws
    /// std::invalid_argument when the chain is empty, a secret is empty or an id repeats. (A named
    /// function, not a constructor: `Pseudonymizer({"id", "secret"})` must stay one key, not be
    /// read as a vector's iterator pair.)
    static Pseudonymizer fromChain(std::vector<PseudonymKey> keys);

    /// The chain over kind || ":" || normalized, e.g. "personnummer:199001011239".
    LinkKey linkKey(IdentityKind kind, std::string_view normalized) const;

    /// linkKey() as each key of the chain left it, oldest first; the last is linkKey() itself. The others are
    /// what the store held before each rotation: a tag made then still carries one (pending_citations.h).
    std::vector<LinkKey> linkKeyHistory(IdentityKind kind, std::string_view normalized) const;

    /// For opaque local identifiers (reservnummer): the chain over "local:" issuer ":" id.
    LinkKey localKey(std::string_view issuer, std::string_view id) const;

    /// localKey() as each key of the chain left it, oldest first, like linkKeyHistory().
    std::vector<LinkKey> localKeyHistory(std::string_view issuer, std::string_view id) const;

    /// The chain over arbitrary text (e.g. tokens of quarantined identities); with one key, the
    /// HMAC-SHA256 hex of `text`.
    std::string mac(std::string_view text) const;

    /// The newest key's id: the one stored beside every link key this pseudonymizer makes.
    const std::string& keyId() const { return chain_.back().id; }

    /// Ids of the chain, oldest first (never the secrets).
    std::vector<std::string> keyIds() const;

private:
    struct ChainTag {};  // keeps this constructor out of brace-initialised one-key calls
    Pseudonymizer(std::vector<PseudonymKey> keys, ChainTag);

    /// The first key's hex, then keys 2..n applied in turn: the value under each key of the chain.
    std::vector<LinkKey> historyFrom(std::string firstHex) const;

    std::vector<PseudonymKey> chain_;
};

}  // namespace finsam::identity
