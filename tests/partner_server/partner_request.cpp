// tests/partner_server/partner_request.cpp — a Host header that could not be a host falls back to the
// listening address, so a stray header cannot put arbitrary text into links.
// SPDX-License-Identifier: Apache-2.0
#include "partner_request.h"

#include <algorithm>
#include <cctype>

namespace finsam::testing::partner {

namespace {

bool looksLikeHost(std::string_view host) {
    return !host.empty() && host.size() < 256 && std::all_of(host.begin(), host.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' ||
               c == ']';
    });
}

}  // namespace

PartnerRequest partnerRequestOf(const RecordedRequest& raw, bool tls, std::uint16_t port) {
    PartnerRequest request;
    request.raw = raw;
    const std::size_t question = raw.uri.find('?');
    request.path = raw.uri.substr(0, question);
    if (question != std::string::npos) {
        request.query = parseQuery(std::string_view(raw.uri).substr(question + 1), false);
    }
    const std::string host = raw.header("Host");
    request.origin = std::string(tls ? "https" : "http") + "://" +
                     (looksLikeHost(host) ? host : "127.0.0.1:" + std::to_string(port));
    return request;
}

}  // namespace finsam::testing::partner
