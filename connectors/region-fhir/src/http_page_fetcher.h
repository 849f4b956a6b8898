// connectors/region-fhir/src/http_page_fetcher.h — PageFetcher over plugins/http-client (libcurl): bearer
// token from its secret source, TLS, timeouts, retries with back-off, 429 Retry-After. Compiled only when
// the target finsam_http_client exists (CMakeLists.txt).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "page_fetcher.h"
#include "region_fhir_settings.h"

namespace finsam::http_client {
class Client;
}

namespace finsam::connectors::region_fhir {

class HttpPageFetcher : public PageFetcher {
public:
    /// Reads the token now (throws std::runtime_error naming the variable or file when it cannot).
    HttpPageFetcher(const Settings& settings, const std::string& configDir);
    ~HttpPageFetcher() override;

    /// Every request sends Accept: application/fhir+json; the client adds Authorization: Bearer.
    /// The client's HttpError becomes FetchError: kAuthRefused -> kRefused, everything else -> kUnavailable.
    FetchedPage fetch(const std::string& url) override;

    /// Tests: receive the back-off and Retry-After waits instead of sleeping them (the end-to-end tests
    /// check a 30 s Retry-After without spending 30 s).
    void setSleeper(std::function<void(std::chrono::milliseconds)> sleeper);

private:
    std::unique_ptr<http_client::Client> client_;
};

}  // namespace finsam::connectors::region_fhir
