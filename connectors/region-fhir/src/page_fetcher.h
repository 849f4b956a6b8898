// connectors/region-fhir/src/page_fetcher.h — the one seam between the run and the network: fetch the page
// at a URL. The run depends on nothing else, so tests feed it recorded pages (tests/test_fetchers.h) and
// the plugin feeds it the shared HTTP client (http_page_fetcher.h).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stdexcept>
#include <string>

namespace finsam::connectors::region_fhir {

/// An answer, whatever its status: the run decides what a 404 on a stale next link means.
struct FetchedPage {
    std::string url;  ///< the URL that answered
    long status = 200;
    std::string body;
};

/// The server could not be asked, after the transport's own retries (region-fhir.md "Failure handling").
/// what() never holds the token or an identity.
class FetchError : public std::runtime_error {
public:
    enum class Kind {
        kUnavailable,  ///< network, TLS, timeouts, 5xx, 429 beyond the allowed wait: try again later
        kRefused,      ///< 401/403: the token was refused; retrying will not help until it is replaced
    };
    FetchError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

class PageFetcher {
public:
    virtual ~PageFetcher() = default;
    /// GET `url` with Accept: application/fhir+json and the bearer token. Throws FetchError.
    virtual FetchedPage fetch(const std::string& url) = 0;
};

}  // namespace finsam::connectors::region_fhir
