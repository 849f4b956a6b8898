// tests/partner_server/token_issuer.cpp — tokens are random, so no two runs (or servers) share one.
// SPDX-License-Identifier: Apache-2.0
#include "token_issuer.h"

#include <Poco/Base64Decoder.h>

#include <cstdio>
#include <sstream>

#include "bearer_header.h"
#include "json_text.h"

namespace finsam::testing::partner {

namespace {

// client_secret_basic (RFC 6749 §2.3.1): "Basic base64(urlencoded id ':' urlencoded secret)".
std::optional<std::pair<std::string, std::string>> basicCredentials(std::string_view authorization) {
    constexpr std::string_view kScheme = "Basic ";
    if (authorization.substr(0, kScheme.size()) != kScheme) {
        return std::nullopt;
    }
    std::istringstream encoded{std::string(authorization.substr(kScheme.size()))};
    Poco::Base64Decoder decoder(encoded);
    std::string decoded;
    try {
        std::ostringstream out;
        out << decoder.rdbuf();
        decoded = out.str();
    } catch (const std::exception&) {
        return std::nullopt;
    }
    const std::size_t colon = decoded.find(':');
    if (colon == std::string::npos) {
        return std::nullopt;
    }
    const auto id = parseQuery("a=" + decoded.substr(0, colon), true);
    const auto secret = parseQuery("a=" + decoded.substr(colon + 1), true);
    return std::make_pair(id.at(0).second, secret.at(0).second);
}

bool allScopesAllowed(const std::string& asked, const std::string& allowed) {
    std::istringstream askedWords(asked);
    std::string scope;
    while (askedWords >> scope) {
        if ((" " + allowed + " ").find(" " + scope + " ") == std::string::npos) {
            return false;
        }
    }
    return true;
}

}  // namespace

TokenIssuer::TokenIssuer(ClientCredentials accepted, std::chrono::milliseconds lifetime)
    : accepted_(std::move(accepted)), lifetime_(lifetime), random_(std::random_device{}()) {}

Answer TokenIssuer::answer(const PartnerRequest& request) {
    if (request.method() != "POST") {
        return jsonError(405, "invalid_request", "the token endpoint takes POST");
    }
    if (request.header("Content-Type").find("application/x-www-form-urlencoded") == std::string::npos) {
        return jsonError(400, "invalid_request", "send the form as application/x-www-form-urlencoded");
    }
    const QueryParameters form = parseQuery(request.raw.body, true);
    const auto grant = firstValue(form, "grant_type");
    if (!grant) {
        return jsonError(400, "invalid_request", "grant_type is missing");
    }
    if (*grant != "client_credentials") {
        return jsonError(400, "unsupported_grant_type", "only client_credentials is supported");
    }
    const auto basic = basicCredentials(request.header("Authorization"));
    const std::string clientId = basic ? basic->first : firstValue(form, "client_id").value_or("");
    const std::string clientSecret = basic ? basic->second : firstValue(form, "client_secret").value_or("");
    if (clientId != accepted_.clientId || clientSecret != accepted_.clientSecret) {
        Answer refused = jsonError(401, "invalid_client", "unknown client or wrong secret");
        if (basic) {
            refused.headers.emplace_back("WWW-Authenticate", R"(Basic realm="kommun")");
        }
        return refused;
    }
    const std::string scope = firstValue(form, "scope").value_or(accepted_.scope);
    if (!allScopesAllowed(scope, accepted_.scope)) {
        return jsonError(400, "invalid_scope", "the client may ask for: " + accepted_.scope);
    }

    std::string token;
    {
        std::lock_guard lock(mutex_);
        char text[33];
        std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(random_()),
                      static_cast<unsigned long long>(random_()));
        token = text;
        expiryOf_[token] = std::chrono::steady_clock::now() + lifetime_;
        ++issued_;
    }
    const auto expiresIn = (lifetime_.count() + 999) / 1000;
    Answer answer;
    answer.body = R"({"access_token":)" + jsonString(token) + R"(,"token_type":"Bearer","expires_in":)" +
                  std::to_string(expiresIn) + R"(,"scope":)" + jsonString(scope) + "}";
    answer.headers = {{"Cache-Control", "no-store"}, {"Pragma", "no-cache"}};
    answer.payload = Payload::kToken;
    return answer;
}

bool TokenIssuer::accepts(std::string_view authorization) const {
    const auto token = bearerTokenOf(authorization);
    if (!token) {
        return false;
    }
    std::lock_guard lock(mutex_);
    const auto expiry = expiryOf_.find(*token);
    return expiry != expiryOf_.end() && std::chrono::steady_clock::now() < expiry->second;
}

void TokenIssuer::expireAll() {
    std::lock_guard lock(mutex_);
    expiryOf_.clear();
}

std::int64_t TokenIssuer::issued() const {
    std::lock_guard lock(mutex_);
    return issued_;
}

}  // namespace finsam::testing::partner
