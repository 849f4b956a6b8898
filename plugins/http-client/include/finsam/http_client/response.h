// plugins/http-client/include/finsam/http_client/response.h — one answered HTTP exchange.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace finsam::http_client {

struct Response {
    long status = 0;
    std::string body;
    std::string contentType;
    std::string url;  ///< the URL that answered (redirects are not followed, so the one requested)
    /// Response header fields in the order received (names as sent), e.g. for Link or paging headers.
    std::vector<std::pair<std::string, std::string>> headers;

    /// The first header named `name` (case-insensitive), or "" when absent.
    std::string header(std::string_view name) const;
};

}  // namespace finsam::http_client
