// core/http/token_authenticator.h — bearer tokens checked against configured SHA-256 hashes and scopes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/config/hub_config.h"

namespace finsam::http {

enum class AuthResult { kAllowed, kMissingOrUnknown, kForbidden };

/// The outcome of a check, with the token that matched (for the access audit and the förbund limit).
struct AuthDecision {
    AuthResult result = AuthResult::kMissingOrUnknown;
    const config::TokenConfig* token = nullptr;  ///< set when a configured token matched

    bool operator==(AuthResult other) const { return result == other; }
};

class TokenAuthenticator {
public:
    explicit TokenAuthenticator(std::vector<config::TokenConfig> tokens) : tokens_(std::move(tokens)) {}

    /// Checks an Authorization header value ("Bearer <token>") for `scope`. The token is hashed and compared
    /// in constant time; it is never stored or logged.
    AuthDecision check(const std::string& authorization, const std::string& scope) const;

private:
    std::vector<config::TokenConfig> tokens_;
};

}  // namespace finsam::http
