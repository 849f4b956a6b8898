// plugins/http-client/src/token_response.h — the JSON a token endpoint answers (RFC 6749 §5.1, §5.2).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace finsam::http_client::detail {

struct TokenResponse {
    std::string accessToken;
    std::string tokenType;                         ///< as sent; "" when absent
    std::optional<std::chrono::seconds> expiresIn;  ///< absent: valid until refused
    std::string error;                              ///< the error code of a refusal, e.g. "invalid_client"
};

/// nullopt when `body` is not a JSON object. Members of the wrong type count as absent.
std::optional<TokenResponse> parseTokenResponse(const std::string& body);

}  // namespace finsam::http_client::detail
