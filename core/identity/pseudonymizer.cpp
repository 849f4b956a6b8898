// core/identity/pseudonymizer.cpp — link keys: HMAC-SHA256 over kind ":" number, chained per key.
// Rules: architecture §3 (never a plain hash: the number space is small enough to brute-force).
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/pseudonymizer.h"

#include <set>
#include <stdexcept>
#include <utility>

#include "core/common/hash.h"

namespace finsam::identity {

namespace {

// The message is given in parts so the clear number is never copied into a joined string.
std::string hmacHex(const std::string& secret, std::string_view a, std::string_view b = {},
                    std::string_view c = {}) {
    return common::hmacSha256Hex(secret, {a, b, c});
}

}  // namespace

Pseudonymizer::Pseudonymizer(PseudonymKey key)
    : Pseudonymizer(std::vector<PseudonymKey>{std::move(key)}, ChainTag{}) {}

Pseudonymizer Pseudonymizer::fromChain(std::vector<PseudonymKey> keys) {
    return Pseudonymizer(std::move(keys), ChainTag{});
}

Pseudonymizer::Pseudonymizer(std::vector<PseudonymKey> keys, ChainTag) : chain_(std::move(keys)) {
    if (chain_.empty()) {
        throw std::invalid_argument("pseudonymisation key chain is empty");
    }
    std::set<std::string> ids;
    for (const auto& key : chain_) {
        if (key.secret.empty()) {
            throw std::invalid_argument("pseudonymisation secret of key id " + key.id +
                                        " is empty");
        }
        // Two links in a chain with one id could not be told apart in the store's key_id column.
        if (!ids.insert(key.id).second) {
            throw std::invalid_argument("key id " + key.id + " appears twice in the key chain");
        }
    }
}

LinkKey Pseudonymizer::linkKey(IdentityKind kind, std::string_view normalized) const {
    return linkKeyHistory(kind, normalized).back();
}

std::vector<LinkKey> Pseudonymizer::linkKeyHistory(IdentityKind kind, std::string_view normalized) const {
    // The kind is part of the message, so a personnummer and a samordningsnummer never share a key.
    return historyFrom(hmacHex(chain_.front().secret, toString(kind), ":", normalized));
}

LinkKey Pseudonymizer::localKey(std::string_view issuer, std::string_view id) const {
    return localKeyHistory(issuer, id).back();
}

std::vector<LinkKey> Pseudonymizer::localKeyHistory(std::string_view issuer, std::string_view id) const {
    // Opaque local ids link only within their issuer (architecture §3).
    const std::string prefix = "local:" + std::string(issuer) + ":";
    return historyFrom(hmacHex(chain_.front().secret, prefix, id));
}

std::string Pseudonymizer::mac(std::string_view text) const {
    return historyFrom(hmacHex(chain_.front().secret, text)).back().value;
}

std::vector<LinkKey> Pseudonymizer::historyFrom(std::string firstHex) const {
    // Each later key is applied to the previous hex, exactly as `rekey` rewrites a stored value, so
    // ingest under the chain meets the re-keyed store value for value.
    std::vector<LinkKey> history;
    history.reserve(chain_.size());
    history.push_back({chain_.front().id, std::move(firstHex)});
    for (std::size_t i = 1; i < chain_.size(); ++i) {
        history.push_back({chain_[i].id, hmacHex(chain_[i].secret, history.back().value)});
    }
    return history;
}

std::vector<std::string> Pseudonymizer::keyIds() const {
    std::vector<std::string> ids;
    ids.reserve(chain_.size());
    for (const auto& key : chain_) {
        ids.push_back(key.id);
    }
    return ids;
}

}  // namespace finsam::identity
