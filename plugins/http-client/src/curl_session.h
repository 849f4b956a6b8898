// plugins/http-client/src/curl_session.h — one HTTP exchange on a kept CURL easy handle (so its connection
// is reused), without any retry policy.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <string>
#include <vector>

#include "finsam/http_client/options.h"
#include "finsam/http_client/response.h"

namespace finsam::http_client::detail {

struct Request {
    bool post = false;
    std::string url;
    std::string body;                  ///< POST only
    std::vector<std::string> headers;  ///< "Name: value"
};

struct Exchange {
    CURLcode code = CURLE_OK;
    std::string error;  ///< curl's description when code != CURLE_OK
    Response response;  ///< status 0 unless an answer arrived
    std::chrono::nanoseconds elapsed{0};
};

class CurlSession {
public:
    explicit CurlSession(const ClientOptions& options);
    ~CurlSession();
    CurlSession(const CurlSession&) = delete;
    CurlSession& operator=(const CurlSession&) = delete;

    Exchange perform(const Request& request);

private:
    CURL* handle_;
    std::size_t maxResponseBytes_;
    char errorText_[CURL_ERROR_SIZE] = {};
};

}  // namespace finsam::http_client::detail
