// core/identity/identity_encoding.cpp — segment bookkeeping and the stored hex form.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/identity_encoding.h"

#include <cstdio>

namespace finsam::identity {

std::string_view toString(EncodedField field) {
    switch (field) {
        case EncodedField::kNumber: return "nummer";
        case EncodedField::kFornamn: return "fornamn";
        case EncodedField::kEfternamn: return "efternamn";
        case EncodedField::kFodelsedatum: return "fodelsedatum";
        case EncodedField::kKon: return "kon";
    }
    return "?";
}

void IdentityEncoding::fillFrom(const IdentityEncoding& other) {
    for (std::size_t f = 0; f < kEncodedFieldCount; ++f) {
        auto field = static_cast<EncodedField>(f);
        if (has(field) || !other.has(field)) {
            continue;
        }
        const Segment& segment = kSegments[f];
        for (int w = 0; w < segment.words; ++w) {
            words[segment.firstWord + w] = other.words[segment.firstWord + w];
        }
        present |= static_cast<std::uint8_t>(1U << f);
    }
}

std::string IdentityEncoding::toHex() const {
    std::string hex(2 + 16 * kEncodingWords, '0');
    std::snprintf(hex.data(), 3, "%02x", present);
    for (std::size_t w = 0; w < kEncodingWords; ++w) {
        std::snprintf(hex.data() + 2 + 16 * w, 17, "%016llx", static_cast<unsigned long long>(words[w]));
    }
    return hex;
}

std::optional<IdentityEncoding> IdentityEncoding::fromHex(std::string_view hex) {
    if (hex.size() != 2 + 16 * kEncodingWords) {
        return std::nullopt;
    }
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    IdentityEncoding encoding;
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < hex.size(); ++i) {
        int n = nibble(hex[i]);
        if (n < 0) {
            return std::nullopt;
        }
        value = (value << 4) | static_cast<std::uint64_t>(n);
        if (i == 1) {
            encoding.present = static_cast<std::uint8_t>(value);
            value = 0;
        } else if (i > 1 && (i - 1) % 16 == 0) {
            encoding.words[(i - 2) / 16] = value;
            value = 0;
        }
    }
    return encoding;
}

}  // namespace finsam::identity
