// plugins/http-client/src/curl_failure.h — which curl errors are worth another attempt, and how to say so.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <curl/curl.h>

#include <string>

#include "finsam/http_client/http_error.h"

namespace finsam::http_client::detail {

struct CurlFailure {
    FailureKind kind;
    bool retryable;     ///< a new attempt may succeed (connection dropped, timeout, DNS hiccup)
    bool verification;  ///< the peer's certificate or host name was not accepted
};

CurlFailure classifyCurlError(CURLcode code);

/// "https://host:port" of `url` (default port filled in), or `url` itself when curl cannot parse it.
std::string originOf(const std::string& url);

}  // namespace finsam::http_client::detail
