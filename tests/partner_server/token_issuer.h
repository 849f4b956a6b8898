// tests/partner_server/token_issuer.h — the kommun's OAuth2 token endpoint (client credentials) and the
// check of the tokens it issued.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>

#include "answer.h"
#include "partner_request.h"

namespace finsam::testing::partner {

struct ClientCredentials {
    std::string clientId;
    std::string clientSecret;
    std::string scope;  ///< the scopes a client may ask for, space-separated
};

class TokenIssuer {
public:
    /// Tokens live `lifetime`; `expires_in` is that rounded up to whole seconds, so a lifetime below a
    /// second makes a token that dies before the client expects it (a token expiring mid-run).
    TokenIssuer(ClientCredentials accepted, std::chrono::milliseconds lifetime);

    /// POST /oauth2/token with grant_type=client_credentials, client_id, client_secret (or HTTP Basic) and
    /// an optional scope → {"access_token","token_type":"Bearer","expires_in","scope"}. Wrong credentials:
    /// 401 {"error":"invalid_client"}; another grant: 400 unsupported_grant_type; another scope: 400
    /// invalid_scope.
    Answer answer(const PartnerRequest& request);

    /// True when `authorization` is "Bearer <token>" with a token issued here, not expired or revoked.
    bool accepts(std::string_view authorization) const;
    /// Every token issued so far is refused from now on; the next token request gets a fresh one.
    void expireAll();
    std::int64_t issued() const;

private:
    ClientCredentials accepted_;
    std::chrono::milliseconds lifetime_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::chrono::steady_clock::time_point> expiryOf_;
    std::int64_t issued_ = 0;
    std::mt19937_64 random_;
};

}  // namespace finsam::testing::partner
