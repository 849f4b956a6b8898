// connectors/fk-fixed/src/message_text.cpp — no message may carry a ten-digit run (connector.h,
// Problem::message).
// SPDX-License-Identifier: Apache-2.0
#include "message_text.h"

namespace finsam::connectors::fk_fixed {

namespace {

constexpr std::size_t kIdentityLikeDigits = 10;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

std::string fileForMessage(std::string_view relativePath) {
    std::string out;
    std::size_t pos = 0;
    while (pos < relativePath.size()) {
        std::size_t end = pos;
        while (end < relativePath.size() && isDigit(relativePath[end])) {
            ++end;
        }
        if (end == pos) {
            out.push_back(relativePath[pos++]);
            continue;
        }
        const auto run = relativePath.substr(pos, end - pos);
        out.append(run.size() >= kIdentityLikeDigits ? std::string_view("<orgnr>") : run);
        pos = end;
    }
    return out;
}

std::string numberForMessage(std::int64_t value) {
    const std::string digits = std::to_string(value < 0 ? -value : value);
    const bool grouped = digits.size() > 4;
    std::string out;
    if (value < 0) {
        out.push_back('-');
    }
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (grouped && i > 0 && (digits.size() - i) % 3 == 0) {
            out.push_back(' ');
        }
        out.push_back(digits[i]);
    }
    return out;
}

}  // namespace finsam::connectors::fk_fixed
