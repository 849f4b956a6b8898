// tests/partner_server/partner_request.h — one request as the partner APIs read it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "query_string.h"
#include "tests/support/loopback_server.h"

namespace finsam::testing::partner {

struct PartnerRequest {
    RecordedRequest raw;    ///< as received: method, target (uri), headers, body
    std::string path;       ///< the target without its query
    QueryParameters query;  ///< the target's query, decoded ('+' kept)
    /// "http(s)://host:port" as the client addressed the server (its Host header): links built on it lead
    /// back the way the client came, also through a relay or under the name "localhost".
    std::string origin;

    const std::string& method() const { return raw.method; }
    const std::string& target() const { return raw.uri; }
    std::string header(std::string_view name) const { return raw.header(name); }
};

PartnerRequest partnerRequestOf(const RecordedRequest& raw, bool tls, std::uint16_t port);

}  // namespace finsam::testing::partner
