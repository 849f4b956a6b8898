// tests/partner_server/test_support/partner_clients.h — the connectors' HTTP client (finsam_http_client)
// set up for the partner server, and the paging loops a connector runs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "finsam/http_client/http_client.h"
#include "tests/partner_server/partner_server.h"

namespace finsam::testing {

namespace http = finsam::http_client;

/// Retries that wait at most a few milliseconds, short timeouts, and the test CA when the server is HTTPS.
http::ClientOptions fastClientOptions(const PartnerServer& server);

std::unique_ptr<http::Client> regionClient(const PartnerServer& server, http::ClientOptions options);
std::unique_ptr<http::Client> regionClient(const PartnerServer& server);
/// OAuth2 client credentials against the server's token endpoint; `skew` 0 uses a token until it expires.
std::unique_ptr<http::Client> kommunClient(const PartnerServer& server, http::ClientOptions options,
                                           std::chrono::seconds skew = std::chrono::seconds(0));
std::unique_ptr<http::Client> kommunClient(const PartnerServer& server);

const std::vector<std::string>& fhirHeaders();

/// GET {base}/{type}?[_lastUpdated=ge{since}&]_include={type}:patient&_sort=_lastUpdated&_count={count};
/// `since` goes in as written (a '+' unencoded, as curl sends it).
std::string searchUrl(const PartnerServer& server, const std::string& type, std::optional<std::string> since,
                      int count);

rapidjson::Document parsed(const std::string& body);

/// Follows link[next] from `url` until there is none; every page must answer 200.
std::vector<rapidjson::Document> followSearch(http::Client& client, const std::string& url);

/// The ids of a Bundle's entries whose search.mode is `mode` ("match" or "include"), in order.
std::vector<std::string> entryIds(const rapidjson::Value& bundle, const char* mode);
/// The url of link[relation], or "" when the Bundle has none.
std::string linkUrl(const rapidjson::Value& bundle, const char* relation);

struct KommunRun {
    std::vector<std::string> ids;  ///< item ids in the order served
    std::string cursor;            ///< next_cursor of the last page
    int pages = 0;
};
/// GETs `endpoint` with `limit` from `cursor` (none: the first call) until has_more is false.
KommunRun drainKommun(http::Client& client, const PartnerServer& server, std::string_view endpoint, int limit,
                      std::optional<std::string> cursor = std::nullopt);

}  // namespace finsam::testing
