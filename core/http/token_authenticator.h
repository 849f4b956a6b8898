// core/http/token_authenticator.h — bearer tokens checked against configured SHA-256 hashes and scopes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/config/hub_config.h"

namespace finsam::http {

enum class AuthResult { kAllowed, kMissingOrUnknown, kForbidden };

class TokenAuthenticator {
public:
    explicit TokenAuthenticator(std::vector<config::TokenConfig> tokens) : tokens_(std::move(tokens)) {}

    /// Checks an Authorization header value ("Bearer <token>") for `scope`. The token is hashed and compared
    /// in constant time; it is never stored or logged.
    AuthResult check(const std::string& authorization, const std::string& scope) const;

private:
    std::vector<config::TokenConfig> tokens_;
};

}  // namespace finsam::http
