// core/identity/identity_encoder.cpp — tokens, keyed bit positions, blocking tags.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/identity_encoder.h"

#include <algorithm>
#include <cstdlib>

#include "core/common/hash.h"

namespace finsam::identity {

namespace {

// Encodings are versioned by these labels: changing a token rule or a segment means a new label.
constexpr std::string_view kFieldKeyLabel = "finsam-bloom-v1:";
constexpr std::string_view kBlockingKeyLabel = "finsam-blocking-v1";
constexpr std::size_t kTagHexDigits = 24;  // 96 bits: collisions between distinct keys are not a concern

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

// Code points of UTF-8 text; a malformed byte is skipped (names are letters; it cannot be one).
std::u32string decodeUtf8(std::string_view text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        auto b = static_cast<unsigned char>(text[i]);
        int length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) {
            ++i;
            continue;
        }
        char32_t c = length == 1 ? b : b & (0xFF >> (length + 1));
        bool ok = true;
        for (int k = 1; k < length; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            ok = ok && (next & 0xC0) == 0x80;
            c = (c << 6) | (next & 0x3F);
        }
        if (ok) {
            out.push_back(c);
        }
        i += ok ? length : 1;
    }
    return out;
}

std::string digitsOf(std::string_view text) {
    std::string digits;
    std::copy_if(text.begin(), text.end(), std::back_inserter(digits), [](char c) { return c >= '0' && c <= '9'; });
    return digits;
}

// Positional digit bigrams: a substitution changes two, a transposition three, and equal digit pairs at
// different places do not count as agreement.
std::vector<std::string> positionalBigrams(const std::string& digits) {
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i + 1 < digits.size(); ++i) {
        tokens.push_back(std::to_string(i) + ":" + digits.substr(i, 2));
    }
    if (digits.size() == 1) {
        tokens.push_back("0:" + digits);
    }
    return tokens;
}

// A personnummer's date part is the birth date, which has a segment of its own: encoded twice, one agreement
// would count twice (Fellegi–Sunter takes the fields as independent), and every two people born on the same day
// would look like a mistyped number. Of a 12-digit number only the serial and check digit are the number's own.
std::string numberPart(std::string_view number) {
    std::string digits = digitsOf(number);
    return digits.size() == 12 ? digits.substr(8) : digits;
}

// Letter bigrams of the normalised name, padded so the first and last letters count as much as the rest.
std::vector<std::string> nameBigrams(const std::string& normalised) {
    std::u32string letters = U"_" + decodeUtf8(normalised) + U"_";
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i + 1 < letters.size(); ++i) {
        std::string token;
        appendUtf8(token, letters[i]);
        appendUtf8(token, letters[i + 1]);
        tokens.push_back(std::move(token));
    }
    return tokens;
}

}  // namespace

IdentityEncoder::IdentityEncoder(const Pseudonymizer& pseudonymizer) : keyId_(pseudonymizer.keyId()) {
    for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
        // Given name and surname share a key: a source that swaps them is still compared name with name.
        auto field = EncodedField(f) == EncodedField::kEfternamn ? EncodedField::kFornamn : EncodedField(f);
        fieldKeys_[f] = pseudonymizer.mac(std::string(kFieldKeyLabel) + std::string(toString(field)));
    }
    blockingKey_ = pseudonymizer.mac(kBlockingKeyLabel);
}

std::string IdentityEncoder::normaliseName(std::string_view name) {
    std::string out;
    for (char32_t c : decodeUtf8(name)) {
        if (c >= 'A' && c <= 'Z') {
            c += 'a' - 'A';
        } else if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {
            c += 0x20;  // Latin-1 capitals: Å Ä Ö É Ü ...
        }
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
        if (letter) {
            appendUtf8(out, c);
        }
    }
    return out;
}

const IdentityEncoder::Positions& IdentityEncoder::positions(EncodedField field, const std::string& token) const {
    std::string cacheKey = std::to_string(static_cast<int>(field)) + "|" + token;
    std::lock_guard<std::mutex> lock(cacheMutex_);
    auto it = cache_.find(cacheKey);
    if (it != cache_.end()) {
        return it->second;
    }
    // Each HMAC gives 16 positions of 16 bits; a second, over the token and a block number, gives 16 more.
    Positions positions{};
    for (std::size_t block = 0; block * 16 < positions.size(); ++block) {
        const std::string hex = common::hmacSha256Hex(fieldKeys_[static_cast<int>(field)],
                                                      {token, block == 0 ? "" : "\x01"});
        for (std::size_t i = 0; i < 16; ++i) {
            positions[block * 16 + i] = static_cast<std::uint16_t>(std::strtoul(hex.substr(4 * i, 4).c_str(), nullptr, 16));
        }
    }
    return cache_.emplace(std::move(cacheKey), positions).first->second;  // references stay valid on rehash
}

void IdentityEncoder::addToken(IdentityEncoding& encoding, EncodedField field, const std::string& token) const {
    const Segment& segment = kSegments[static_cast<int>(field)];
    const unsigned bits = segment.words * 64U;
    const Positions& at = positions(field, token);
    for (int i = 0; i < segment.hashes; ++i) {
        unsigned bit = at[i] % bits;
        encoding.words[segment.firstWord + bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
}

IdentityEncoding IdentityEncoder::encode(const IdentityFields& fields) const {
    IdentityEncoding encoding;
    auto put = [&](EncodedField field, const std::vector<std::string>& tokens) {
        if (tokens.empty()) {
            return;
        }
        for (const auto& token : tokens) {
            addToken(encoding, field, token);
        }
        encoding.present |= static_cast<std::uint8_t>(1U << static_cast<int>(field));
    };
    put(EncodedField::kNumber, positionalBigrams(numberPart(fields.number)));
    for (auto [field, value] : {std::pair{EncodedField::kFornamn, &fields.fornamn},
                                std::pair{EncodedField::kEfternamn, &fields.efternamn}}) {
        std::string name = normaliseName(*value);
        if (!name.empty()) {
            put(field, nameBigrams(name));
        }
    }
    put(EncodedField::kFodelsedatum, positionalBigrams(digitsOf(fields.fodelsedatum)));
    if (!fields.kon.empty()) {
        put(EncodedField::kKon, {"kon:" + fields.kon});
    }
    return encoding;
}

std::string IdentityEncoder::tag(std::string_view pass, std::string_view value) const {
    // The pass stays readable: the model is estimated per pass (core/link/pair_classifier.h).
    return std::string(pass) + ":" + common::hmacSha256Hex(blockingKey_, {pass, ":", value}).substr(0, kTagHexDigits);
}

std::vector<std::string> IdentityEncoder::blockingTags(const IdentityFields& fields) const {
    std::vector<std::string> tags;
    const std::string date = digitsOf(fields.fodelsedatum);
    const std::string year = date.size() >= 4 ? date.substr(0, 4) : "";
    const std::string given = normaliseName(fields.fornamn);
    const std::string surname = normaliseName(fields.efternamn);
    if (!date.empty()) {
        tags.push_back(tag("d", date));
    }
    if (!surname.empty() && !year.empty()) {
        tags.push_back(tag("sy", surname + "|" + year));
    }
    if (!given.empty() && !surname.empty()) {
        // Either order: a source that swaps given name and surname still meets the other.
        tags.push_back(tag("nn", std::min(given, surname) + "|" + std::max(given, surname)));
    }
    // The number's own digits (of a personnummer YYMMDDNNN: not the century, not the check digit, which changes
    // with any typo) in three groups; every pair of groups is a tag, so a number with any one group mistyped still
    // shares a tag with the right one.
    std::string digits = digitsOf(fields.number);
    if (digits.size() == 12) {
        digits = digits.substr(2, 9);
    }
    if (digits.size() >= 3) {
        const std::size_t third = digits.size() / 3;
        const std::string groups[3] = {digits.substr(0, third), digits.substr(third, third),
                                       digits.substr(2 * third)};
        tags.push_back(tag("n01", groups[0] + "|" + groups[1]));
        tags.push_back(tag("n02", groups[0] + "|" + groups[2]));
        tags.push_back(tag("n12", groups[1] + "|" + groups[2]));
    }
    return tags;
}

}  // namespace finsam::identity
