// core/http/state_handlers.cpp — GET /v1/deltaganden, /v1/insatser, /v1/persons: one page of current state.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/state_handlers.h"

#include <Poco/URI.h>

#include "core/feed/current_state.h"

namespace finsam::http {

using Poco::Net::HTTPResponse;

namespace {

std::string endpointOf(feed::StateCollection collection) {
    switch (collection) {
        case feed::StateCollection::kDeltagande:
            return "/v1/deltaganden";
        case feed::StateCollection::kInsats:
            return "/v1/insatser";
        case feed::StateCollection::kPerson:
            return "/v1/persons";
    }
    return "";
}

}  // namespace

void CurrentStateHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                                 const Caller& caller) {
    const auto collection = feed::stateCollectionNamed(entity_);
    if (!collection) {
        throw std::logic_error("no current-state collection " + entity_);  // a route table mistake: 500
    }
    feed::StateQuery q;
    try {
        q = feed::parseStateQuery(query(request));
    } catch (const feed::StateQueryError& e) {
        throw BadParameter(e.parameter(), e.reason());
    }
    // A token limited to a förbund reads that förbund only; asking for another is refused, not emptied, so a
    // wrong filter is not mistaken for "nothing there". Persons and their links are förbund-neutral, as in the
    // feed (feed/event_scope.h): such a token reads none, since its feed never told it about any.
    if (!caller.forbund.empty() && *collection == feed::StateCollection::kPerson) {
        sendError(request, response, HTTPResponse::HTTP_FORBIDDEN, "forbidden",
                  "persons are förbund-neutral: a token limited to a förbund reads its deltaganden instead");
        return;
    }
    if (!caller.forbund.empty()) {
        if (!q.forbund.empty() && q.forbund != caller.forbund) {
            sendError(request, response, HTTPResponse::HTTP_FORBIDDEN, "forbidden",
                      "this token may read förbund " + caller.forbund + " only");
            return;
        }
        q.forbund = caller.forbund;
    }
    feed::StatePage page =
        withStore(context_, [&](store::Database& db) { return feed::CurrentState(db).read(*collection, q); });
    context_.access.record({0, "", caller.token, endpointOf(*collection), Poco::URI(request.getURI()).getRawQuery(),
                            static_cast<std::int64_t>(page.items.size()), caller.forbund});
    if (q.ndjson || request.get("Accept", "").find("application/x-ndjson") != std::string::npos) {
        // Lines carry no cursor: it comes as a header (absent on the last page).
        if (page.nextAfterKey) {
            response.set("X-Next-After-Key", *page.nextAfterKey);
        }
        sendJson(request, response, HTTPResponse::HTTP_OK, feed::toNdjson(page), "application/x-ndjson");
        return;
    }
    sendJson(request, response, HTTPResponse::HTTP_OK, feed::toJsonPage(page));
}

}  // namespace finsam::http
