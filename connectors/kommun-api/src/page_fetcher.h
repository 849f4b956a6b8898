// connectors/kommun-api/src/page_fetcher.h — the one seam between the run and the network: GET a page URL.
// The run depends on nothing else, so tests can feed it pages without a server; the plugin feeds it the
// shared HTTP client with OAuth2 (http_page_fetcher.h).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stdexcept>
#include <string>

namespace finsam::connectors::kommun_api {

/// An answer, whatever its status: the run decides what a 404 means.
struct FetchedPage {
    long status = 200;
    std::string body;
};

/// The server could not be asked, after the transport's own retries. what() is redacted: no token, no
/// secret, no personnummer.
class FetchError : public std::runtime_error {
public:
    enum class Kind {
        kUnavailable,         ///< network, timeouts, 5xx, 429 beyond the allowed waits: try again later
        kCredentialsRefused,  ///< the token endpoint refused the client id and secret
        kTokenRefused,        ///< the API refused the token (401 after a fresh one, or 403)
        kTls,                 ///< certificate verification or handshake failed: fix the trust, not the timing
    };
    FetchError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

class PageFetcher {
public:
    virtual ~PageFetcher() = default;
    /// GET `url` (Accept: application/json, the bearer token). Throws FetchError.
    virtual FetchedPage fetch(const std::string& url) = 0;
};

}  // namespace finsam::connectors::kommun_api
