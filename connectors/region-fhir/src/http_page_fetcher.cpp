// connectors/region-fhir/src/http_page_fetcher.cpp — settings to ClientOptions, HttpError to FetchError.
// SPDX-License-Identifier: Apache-2.0
#include "http_page_fetcher.h"

#include <chrono>

#include "finsam/http_client/http_client.h"

namespace finsam::connectors::region_fhir {

namespace hc = finsam::http_client;

namespace {

hc::ClientOptions clientOptions(const Settings& settings) {
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    hc::ClientOptions options;
    options.tls.caFile = settings.caFile;
    options.tls.verify = settings.verifyTls;
    options.connectTimeout = seconds(settings.connectTimeoutSeconds);
    options.timeout = seconds(settings.requestTimeoutSeconds);
    options.retry.maxAttempts = settings.maxAttempts;
    options.retry.baseDelay = milliseconds(settings.retryBaseDelayMs);
    options.retry.maxDelay = seconds(settings.retryMaxDelaySeconds);
    options.retry.maxRetryAfter = seconds(settings.maxRetryAfterSeconds);
    options.userAgent = "finsam-hub region-fhir";
    return options;
}

}  // namespace

HttpPageFetcher::HttpPageFetcher(const Settings& settings, const std::string& configDir) {
    std::string token = hc::readSecret(hc::SecretSource{settings.token.env, settings.token.file}, configDir);
    client_ = std::make_unique<hc::Client>(clientOptions(settings), hc::bearerToken(std::move(token)));
}

HttpPageFetcher::~HttpPageFetcher() = default;

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
