// plugins/http-client/include/finsam/http_client/authenticator.h — where the Authorization header comes from.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "options.h"

namespace finsam::http_client {

/// Supplies the Authorization header value. Called by one Client, from one thread at a time.
class Authenticator {
public:
    virtual ~Authenticator() = default;
    /// e.g. "Bearer abc"; may fetch or use a cached token. Asked again before every attempt.
    virtual std::string authorization() = 0;
    /// Called once after a 401: true if a new credential was obtained.
    virtual bool refresh() = 0;
    /// Values to redact from every message (the secret and every token handed out).
    virtual std::vector<std::string> secrets() const = 0;
};

/// A fixed bearer token (the region's FHIR server). refresh() cannot renew it and answers false.
std::unique_ptr<Authenticator> bearerToken(std::string token);

/// OAuth2 client credentials (RFC 6749 §4.4). POSTs the form grant_type=client_credentials&client_id&
/// client_secret[&scope] (url-encoded; scope left out when empty) to `tokenUrl` with its own Client built
/// from `options`, parses {"access_token","token_type","expires_in"}, caches the token and fetches a new one
/// when less than `skew` remains before expiry, and on refresh(). A refused token request (4xx) throws
/// HttpError kAuthRefused; an answer without access_token throws kServerError.
std::unique_ptr<Authenticator> oauth2ClientCredentials(ClientOptions options, std::string tokenUrl,
                                                       std::string clientId, std::string clientSecret,
                                                       std::string scope,
                                                       std::chrono::seconds skew = std::chrono::seconds(30));

}  // namespace finsam::http_client
