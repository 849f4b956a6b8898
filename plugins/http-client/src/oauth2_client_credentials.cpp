// plugins/http-client/src/oauth2_client_credentials.cpp — the kommun's token endpoint (RFC 6749 §4.4).
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "finsam/http_client/authenticator.h"
#include "finsam/http_client/client.h"
#include "finsam/http_client/http_error.h"
#include "form_encoding.h"
#include "token_response.h"

namespace finsam::http_client {

namespace {

using Clock = std::chrono::steady_clock;

// Tokens of the last hours of a run stay redacted; older ones can no longer appear in a message.
constexpr std::size_t kTokensRemembered = 16;

// Only a short, plain error code of the server is repeated in a message.
std::string errorCodeForMessage(const std::string& code) {
    const bool plain = !code.empty() && code.size() <= 64 && std::all_of(code.begin(), code.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
    return plain ? ", " + code : "";
}

std::string authorizationScheme(const std::string& tokenType) {
    constexpr std::string_view kBearer = "bearer";
    if (tokenType.empty() || std::equal(tokenType.begin(), tokenType.end(), kBearer.begin(), kBearer.end(),
                                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; })) {
        return "Bearer";  // RFC 6750 capitalisation, whatever the server wrote
    }
    return tokenType;
}

class OAuth2ClientCredentials final : public Authenticator {
public:
    OAuth2ClientCredentials(ClientOptions options, std::string tokenUrl, std::string clientId,
                            std::string clientSecret, std::string scope, std::chrono::seconds skew)
        : options_(std::move(options)),
          tokenUrl_(std::move(tokenUrl)),
          clientId_(std::move(clientId)),
          clientSecret_(std::move(clientSecret)),
          scope_(std::move(scope)),
          skew_(skew) {}

    std::string authorization() override {
        if (authorization_.empty() || (expiry_ && *expiry_ - Clock::now() < skew_)) {
            fetch();
        }
        return authorization_;
    }

    bool refresh() override {
        fetch();
        return true;
    }

    std::vector<std::string> secrets() const override {
        std::vector<std::string> all = issued_;
        all.push_back(clientSecret_);
        return all;
    }

private:
    void fetch() {
        if (!client_) {
            client_ = std::make_unique<Client>(options_);  // its own connection: the token host is often another
        }
        std::string form = "grant_type=client_credentials&client_id=" + detail::formEncode(clientId_) +
                           "&client_secret=" + detail::formEncode(clientSecret_);
        if (!scope_.empty()) {
            form += "&scope=" + detail::formEncode(scope_);
        }
        const auto requested = Clock::now();  // expiry counts from before the request: never late
        Response response;
        try {
            response = client_->post(tokenUrl_, form, "application/x-www-form-urlencoded",
                                     {"Accept: application/json"});
        } catch (const HttpError& error) {
            if (error.kind() == FailureKind::kAuthRefused) {
                refused(error.status(), "");
            }
            throw HttpError(error.kind(), error.status(), error.what(), secrets());
        }
        const auto token = detail::parseTokenResponse(response.body);
        if (response.status >= 400) {
            refused(response.status, token ? token->error : "");
        }
        if (!token || token->accessToken.empty()) {
            throw HttpError(FailureKind::kServerError, response.status,
                            "the token endpoint " + tokenUrl_ + " answered HTTP " + std::to_string(response.status) +
                                " without an access_token",
                            secrets());
        }
        issued_.push_back(token->accessToken);
        if (issued_.size() > kTokensRemembered) {
            issued_.erase(issued_.begin());
        }
        authorization_ = authorizationScheme(token->tokenType) + " " + token->accessToken;
        expiry_.reset();
        if (token->expiresIn) {
            expiry_ = requested + *token->expiresIn;
        }
    }

    [[noreturn]] void refused(long status, const std::string& errorCode) const {
        throw HttpError(FailureKind::kAuthRefused, status,
                        "the token endpoint " + tokenUrl_ + " refused the client credentials of client_id " +
                            clientId_ + " (HTTP " + std::to_string(status) + errorCodeForMessage(errorCode) + ")",
                        secrets());
    }

    ClientOptions options_;
    std::string tokenUrl_;
    std::string clientId_;
    std::string clientSecret_;
    std::string scope_;
    std::chrono::seconds skew_;
    std::unique_ptr<Client> client_;
    std::string authorization_;
    std::optional<Clock::time_point> expiry_;
    std::vector<std::string> issued_;  // every token handed out stays redacted, also after it expired
};

}  // namespace

std::unique_ptr<Authenticator> oauth2ClientCredentials(ClientOptions options, std::string tokenUrl,
                                                       std::string clientId, std::string clientSecret,
                                                       std::string scope, std::chrono::seconds skew) {
    return std::make_unique<OAuth2ClientCredentials>(std::move(options), std::move(tokenUrl), std::move(clientId),
                                                     std::move(clientSecret), std::move(scope), skew);
}

}  // namespace finsam::http_client
