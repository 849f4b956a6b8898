// tests/partner_server/kommun_api.cpp
// SPDX-License-Identifier: Apache-2.0
#include "kommun_api.h"

#include "json_text.h"
#include "kommun_cursor.h"

namespace finsam::testing::partner {

Answer KommunApi::answer(const PartnerRequest& request) const {
    if (!KommunStore::isEndpoint(request.path)) {
        return jsonError(404, "not_found", "no such endpoint: " + request.path);
    }
    if (request.method() != "GET") {
        return jsonError(405, "method_not_allowed", "the endpoint takes GET");
    }
    if (!tokens_.accepts(request.header("Authorization"))) {
        Answer refused = jsonError(401, "invalid_token", "the access token is missing, unknown or expired");
        refused.headers.emplace_back("WWW-Authenticate", R"(Bearer realm="kommun", error="invalid_token")");
        return refused;
    }
    const auto limitText = firstValue(request.query, "limit");
    const auto limit = limitText ? parseBoundedInteger(*limitText, 1, kMaxLimit) : kDefaultLimit;
    if (!limit) {
        return jsonError(400, "invalid_request", "limit must be a whole number from 1 to 1000");
    }
    std::size_t from = 0;
    const auto cursor = firstValue(request.query, "cursor");
    if (cursor) {
        const auto position = store_.positionOf(request.path, *cursor);
        if (!position) {
            return jsonError(400, "invalid_cursor", "unknown cursor");
        }
        from = *position;
    }
    const KommunStore::Slice slice = store_.slice(request.path, from, static_cast<std::size_t>(*limit));
    // Nothing newer: the cursor the client holds stays the one to come back with.
    const std::string next = slice.items.empty() && cursor ? *cursor : encodeCursor(request.path, slice.end);

    std::string body = R"({"items":[)";
    for (std::size_t i = 0; i < slice.items.size(); ++i) {
        body += i == 0 ? "" : ",";
        body += slice.items[i];
    }
    body += R"(],"next_cursor":)" + jsonString(next) + R"(,"has_more":)" +
            (slice.end < slice.size ? "true" : "false") + "}";
    Answer answer;
    answer.body = std::move(body);
    answer.payload = Payload::kKommunPage;
    return answer;
}

}  // namespace finsam::testing::partner
