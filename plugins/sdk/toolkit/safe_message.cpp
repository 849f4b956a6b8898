// plugins/sdk/toolkit/safe_message.cpp — Problem::message must never carry an identity
// (connector.h).
// SPDX-License-Identifier: Apache-2.0
#include "safe_message.h"

namespace finsam::sdk::toolkit {

namespace {

constexpr std::size_t kMinIdentityDigits = 10;  // YYMMDDNNNC, the shortest personnummer form
constexpr std::size_t kMaxQuoted = 60;

}  // namespace

bool mayHoldIdentity(std::string_view text) {
    std::size_t digits = 0;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            ++digits;
        }
    }
    return digits >= kMinIdentityDigits;
}

std::string quoteForMessage(std::string_view value) {
    if (mayHoldIdentity(value)) {
        return "(value withheld)";
    }
    std::size_t cut = value.size();
    if (cut > kMaxQuoted) {
        cut = kMaxQuoted;
        while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) {
            --cut;  // do not split a multi-byte character
        }
    }
    // Appended piece by piece: GCC 12 at -O3 misreads "'" + std::string(...) as an overlapping memcpy.
    std::string quoted;
    quoted.reserve(cut + 5);
    quoted.append(1, '\'').append(value.substr(0, cut)).append(cut < value.size() ? "...'" : "'");
    return quoted;
}

}  // namespace finsam::sdk::toolkit
