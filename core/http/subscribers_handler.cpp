// core/http/subscribers_handler.cpp — the webhook subscribers' status (core/webhook/subscriber_status.h).
// SPDX-License-Identifier: Apache-2.0
#include "core/http/subscribers_handler.h"

#include "core/webhook/subscriber_status.h"

namespace finsam::http {

void SubscribersHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                                const Caller&) {
    const QueryParams parameters = query(request);
    if (!parameters.empty()) {
        throw BadParameter(parameters.front().first, "unknown parameter");
    }
    std::string document = withStore(
        context_, [&](store::Database& db) { return webhook::subscriberStatusesJson(db, context_.subscribers); });
    sendJson(request, response, Poco::Net::HTTPResponse::HTTP_OK, "{\"subscribers\":" + document + "}");
}

}  // namespace finsam::http
