// connectors/kommun-api/src/http_page_fetcher.h — PageFetcher over plugins/http-client with OAuth2 client
// credentials (kommun-api.md "Authentication").
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include "kommun_api_settings.h"
#include "page_fetcher.h"

namespace finsam::http_client {
class Client;
}

namespace finsam::connectors::kommun_api {

struct TokenEndpointWatch;

/// One client per run (one connection, reused). The token comes from {base_url}/oauth2/token and is renewed
/// before it expires and once after a 401; the client retries 5xx, timeouts and 429 as the settings say.
class HttpPageFetcher : public PageFetcher {
public:
    /// Reads the client id and secret now; throws std::runtime_error naming a source that cannot be read.
    HttpPageFetcher(const Settings& settings, const std::string& configDir);
    ~HttpPageFetcher() override;

    FetchedPage fetch(const std::string& url) override;

private:
    std::shared_ptr<TokenEndpointWatch> tokenWatch_;
    std::unique_ptr<http_client::Client> client_;
};

}  // namespace finsam::connectors::kommun_api
