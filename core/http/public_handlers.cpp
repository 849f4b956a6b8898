// core/http/public_handlers.cpp — liveness, readiness and the API description.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/public_handlers.h"

#include "core/common/embedded_file.h"

namespace finsam::http {

using Poco::Net::HTTPResponse;

void HealthHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                           const Caller&) {
    sendJson(request, response, HTTPResponse::HTTP_OK, "{\"status\":\"ok\"}");
}

void ReadyHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                          const Caller&) {
    if (!context_.ready.load()) {
        sendError(request, response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "not_ready",
                  "starting, migrating or stopping");
        return;
    }
    try {
        withStore(context_, [](store::Database& db) {
            int one = 0;
            db.session() << "SELECT 1", soci::into(one);
            return one;
        });
    } catch (const StoreUnavailable&) {
        sendError(request, response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "store_unavailable",
                  "the store does not answer");
        return;
    }
    sendJson(request, response, HTTPResponse::HTTP_OK, "{\"status\":\"ready\"}");
}

void OpenApiHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                            const Caller&) {
    const auto* document = common::findEmbedded(common::embeddedApiDescription(), "openapi.json");
    if (document == nullptr) {
        throw std::logic_error("openapi.json is not compiled in");
    }
    sendJson(request, response, HTTPResponse::HTTP_OK, std::string(document->content));
}

}  // namespace finsam::http
