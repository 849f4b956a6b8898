// connectors/kommun-api/src/http_page_fetcher.cpp — settings to the client, HttpError to FetchError.
// SPDX-License-Identifier: Apache-2.0
#include "http_page_fetcher.h"

#include "finsam/http_client/http_client.h"

namespace finsam::connectors::kommun_api {

namespace hc = finsam::http_client;

/// Whether the last failure came from the token endpoint: HttpError says what failed, not where, and a
/// refused client secret needs another fix than a refused token.
struct TokenEndpointWatch {
    bool tokenEndpointFailed = false;
};

namespace {

class WatchedAuthenticator final : public hc::Authenticator {
public:
    WatchedAuthenticator(std::unique_ptr<hc::Authenticator> inner, std::shared_ptr<TokenEndpointWatch> watch)
        : inner_(std::move(inner)), watch_(std::move(watch)) {}

    std::string authorization() override {
        try {
            return inner_->authorization();
        } catch (const hc::HttpError&) {
            watch_->tokenEndpointFailed = true;
            throw;
        }
    }
    bool refresh() override {
        try {
            return inner_->refresh();
        } catch (const hc::HttpError&) {
            watch_->tokenEndpointFailed = true;
            throw;
        }
    }
    std::vector<std::string> secrets() const override { return inner_->secrets(); }

private:
    std::unique_ptr<hc::Authenticator> inner_;
    std::shared_ptr<TokenEndpointWatch> watch_;
};

}  // namespace

HttpPageFetcher::HttpPageFetcher(const Settings& settings, const std::string& configDir)
    : tokenWatch_(std::make_shared<TokenEndpointWatch>()) {
    std::string clientId = hc::readSecret(settings.clientId, configDir);
    std::string clientSecret = hc::readSecret(settings.clientSecret, configDir);
    auto oauth = hc::oauth2ClientCredentials(settings.client, settings.baseUrl + "/oauth2/token", std::move(clientId),
                                             std::move(clientSecret), settings.scope);
    client_ = std::make_unique<hc::Client>(settings.client,
                                           std::make_unique<WatchedAuthenticator>(std::move(oauth), tokenWatch_));
}

HttpPageFetcher::~HttpPageFetcher() = default;

FetchedPage HttpPageFetcher::fetch(const std::string& url) {
    tokenWatch_->tokenEndpointFailed = false;
    try {
        hc::Response response = client_->get(url, {"Accept: application/json"});
        return {response.status, std::move(response.body)};
    } catch (const hc::HttpError& e) {
        using Kind = FetchError::Kind;
        Kind kind = Kind::kUnavailable;
        if (e.kind() == hc::FailureKind::kTls) {
            kind = Kind::kTls;
        } else if (e.kind() == hc::FailureKind::kAuthRefused) {
            kind = tokenWatch_->tokenEndpointFailed ? Kind::kCredentialsRefused : Kind::kTokenRefused;
        }
        throw FetchError(kind, e.what());  // what() is redacted by the client
    }
}

}  // namespace finsam::connectors::kommun_api
