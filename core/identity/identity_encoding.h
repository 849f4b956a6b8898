// core/identity/identity_encoding.h — a person's keyed Bloom-filter encoding: what probabilistic linkage compares.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace finsam::identity {

/// The fields an encoding holds, each in its own segment so agreement can be judged field by field.
enum class EncodedField : std::uint8_t { kNumber, kFornamn, kEfternamn, kFodelsedatum, kKon };
constexpr std::size_t kEncodedFieldCount = 5;

/// Where a field lives in the 1 024 bits: whole 64-bit words, so a segment's popcount is a sum of words.
struct Segment {
    std::uint8_t firstWord;
    std::uint8_t words;
    std::uint8_t hashes;  ///< bits set per token (k)
};

/// Bits and k per field, chosen so a typical value fills its segment about half (the false-positive optimum,
/// k ≈ m/n · ln 2, or below it for short values): a number up to 10 positional bigrams in 256 bits (k 12; of a
/// personnummer only serial and check digit, 3 bigrams: its date part is the birth date's segment); a name about
/// 7 bigrams in 256 bits (k 20); a date 7 positional bigrams in 192 bits (k 12); kön one token in 64 bits (k 16).
/// Long segments keep chance agreement of different tokens low; see core/link/README.md for the reasoning.
constexpr std::array<Segment, kEncodedFieldCount> kSegments = {{
    {0, 4, 12},   // number
    {4, 4, 20},   // förnamn
    {8, 4, 20},   // efternamn
    {12, 3, 12},  // födelsedatum
    {15, 1, 16},  // kön
}};
constexpr std::size_t kEncodingWords = 16;  // 1 024 bits
static_assert([] {
    for (const auto& segment : kSegments) {
        if (segment.hashes > 32) return false;  // IdentityEncoder derives at most 32 positions per token
    }
    return true;
}());

std::string_view toString(EncodedField field);

/// 1 024 bits and which fields were present when it was made (an absent field is missing, not disagreeing).
struct IdentityEncoding {
    std::array<std::uint64_t, kEncodingWords> words{};
    std::uint8_t present = 0;  ///< bit i = EncodedField i had a value

    bool has(EncodedField field) const { return (present >> static_cast<int>(field)) & 1U; }

    /// Fields `other` has and this lacks are taken from it; a field both have keeps this one's bits (the newer).
    void fillFrom(const IdentityEncoding& other);

    /// 2 hex digits of `present` then 256 hex digits of the words: how the store keeps it.
    std::string toHex() const;
    static std::optional<IdentityEncoding> fromHex(std::string_view hex);

    bool operator==(const IdentityEncoding&) const = default;
};

}  // namespace finsam::identity
