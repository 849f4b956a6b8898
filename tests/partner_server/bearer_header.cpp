// tests/partner_server/bearer_header.cpp
// SPDX-License-Identifier: Apache-2.0
#include "bearer_header.h"

#include <cctype>

namespace finsam::testing::partner {

std::optional<std::string> bearerTokenOf(std::string_view authorization) {
    constexpr std::string_view kScheme = "bearer ";
    if (authorization.size() <= kScheme.size()) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < kScheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) {
            return std::nullopt;
        }
    }
    std::string token(authorization.substr(kScheme.size()));
    while (!token.empty() && token.back() == ' ') {
        token.pop_back();
    }
    return token.empty() ? std::nullopt : std::optional<std::string>(token);
}

}  // namespace finsam::testing::partner
