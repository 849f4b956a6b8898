// connectors/region-fhir/src/http_page_fetcher.cpp — settings to ClientOptions, HttpError to FetchError.
// SPDX-License-Identifier: Apache-2.0
#include "http_page_fetcher.h"

#include <utility>

#include "finsam/http_client/http_client.h"

namespace finsam::connectors::region_fhir {

namespace hc = finsam::http_client;

HttpPageFetcher::HttpPageFetcher(const Settings& settings, const std::string& configDir) {
    std::string token = hc::readSecret(settings.token, configDir);
    client_ = std::make_unique<hc::Client>(settings.client, hc::bearerToken(std::move(token)));
}

HttpPageFetcher::~HttpPageFetcher() = default;

void HttpPageFetcher::setSleeper(std::function<void(std::chrono::milliseconds)> sleeper) {
    client_->setSleeper(std::move(sleeper));
}

FetchedPage HttpPageFetcher::fetch(const std::string& url) {
    try {
        hc::Response response = client_->get(url, {"Accept: application/fhir+json"});
        return {response.url.empty() ? url : response.url, response.status, std::move(response.body)};
    } catch (const hc::HttpError& e) {
        // what() is redacted by the client: no token, no identity.
        throw FetchError(e.kind() == hc::FailureKind::kAuthRefused ? FetchError::Kind::kRefused
                                                                   : FetchError::Kind::kUnavailable,
                         e.what());
    }
}

}  // namespace finsam::connectors::region_fhir
