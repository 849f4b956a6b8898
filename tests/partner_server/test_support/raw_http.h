// tests/partner_server/test_support/raw_http.h — one plain HTTP exchange without any retry or credential
// logic, to see exactly what the partner server answers.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "tests/support/loopback_server.h"

namespace finsam::testing {

struct RawResponse {
    int status = 0;
    std::string body;
    HeaderFields headers;
    std::string header(const std::string& name) const;
};

/// Sends one request over a fresh connection (http:// only). Throws Poco::Exception when the server closes
/// the connection without an answer.
RawResponse rawRequest(const std::string& method, const std::string& url, const HeaderFields& headers = {},
                       const std::string& body = "", const std::string& contentType = "");

}  // namespace finsam::testing
