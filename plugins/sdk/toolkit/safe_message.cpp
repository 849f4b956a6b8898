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
    if (value.size() <= kMaxQuoted) {
        return "'" + std::string(value) + "'";
    }
    std::size_t cut = kMaxQuoted;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) {
        --cut;  // do not split a multi-byte character
    }
    return "'" + std::string(value.substr(0, cut)) + "...'";
}

}  // namespace finsam::sdk::toolkit
