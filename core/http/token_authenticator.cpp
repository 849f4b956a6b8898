// core/http/token_authenticator.cpp — 401 for no or unknown token, 403 for a known token without the scope.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/token_authenticator.h"

#include <algorithm>

#include "core/common/hash.h"

namespace finsam::http {

AuthDecision TokenAuthenticator::check(const std::string& authorization, const std::string& scope) const {
    static const std::string kBearer = "Bearer ";
    if (authorization.size() <= kBearer.size() || authorization.compare(0, kBearer.size(), kBearer) != 0) {
        return {};
    }
    std::string hash = common::sha256Hex(std::string_view(authorization).substr(kBearer.size()));
    const config::TokenConfig* match = nullptr;
    for (const auto& token : tokens_) {
        if (common::constantTimeEquals(token.sha256, hash)) {
            match = &token;
        }
    }
    if (match == nullptr) {
        return {};
    }
    bool allowed = std::find(match->scopes.begin(), match->scopes.end(), scope) != match->scopes.end();
    return {allowed ? AuthResult::kAllowed : AuthResult::kForbidden, match};
}

}  // namespace finsam::http
