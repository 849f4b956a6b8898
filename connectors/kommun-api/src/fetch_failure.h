// connectors/kommun-api/src/fetch_failure.h — why a page could not be read, as the Result the host shows.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "finsam/sdk/connector.h"
#include "page_fetcher.h"

namespace finsam::connectors::kommun_api {

/// A request that failed after the client's retries. Refused credentials, a refused token and TLS failures
/// are kInvalidConfig (waiting will not fix them); the rest kSourceUnavailable. Messages are redacted.
sdk::Result resultOf(const FetchError& error, const std::string& endpoint);

/// An answer other than 200 (404: the URL is wrong, kInvalidConfig; anything else kSourceUnavailable),
/// with a short redacted excerpt of its body.
sdk::Result resultOfStatus(long status, const std::string& url, const std::string& body);

/// A 200 whose body is not the documented shape: the page fails, its cursor unchanged.
sdk::Result resultOfShape(const std::string& url, const std::string& why);

}  // namespace finsam::connectors::kommun_api
