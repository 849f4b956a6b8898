// core/http/api_handler.cpp — authorisation and error mapping shared by every endpoint.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/api_handler.h"

#include <Poco/Logger.h>
#include <Poco/URI.h>

#include "core/common/json.h"

namespace finsam::http {

using Poco::Net::HTTPResponse;

void sendJson(Poco::Net::HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const std::string& body,
              const std::string& contentType) {
    response.setStatusAndReason(status);  // the standard reason phrase, not "OK" on a 405
    response.setContentType(contentType);
    response.set("Cache-Control", "no-store");
    response.sendBuffer(body.data(), body.size());  // one write with the header, no stream copies
}

void sendError(Poco::Net::HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const std::string& code,
               const std::string& message) {
    sendJson(response, status,
             "{\"error\":" + common::jsonQuote(code) + ",\"message\":" + common::jsonQuote(message) + "}");
}

QueryParams ApiHandler::query(const Poco::Net::HTTPServerRequest& request) {
    try {
        return Poco::URI(request.getURI()).getQueryParameters();
    } catch (const Poco::Exception&) {
        throw BadParameter("query", "the query string cannot be decoded");
    }
}

void ApiHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    Caller caller;
    if (!scope_.empty()) {
        AuthDecision decision = context_.authenticator.check(request.get("Authorization", ""), scope_);
        if (decision.result == AuthResult::kMissingOrUnknown) {
            response.set("WWW-Authenticate", "Bearer");
            sendError(response, HTTPResponse::HTTP_UNAUTHORIZED, "unauthorized", "a valid bearer token is required");
            return;
        }
        if (decision.result == AuthResult::kForbidden) {
            sendError(response, HTTPResponse::HTTP_FORBIDDEN, "forbidden", "the token lacks scope " + scope_);
            return;
        }
        caller = {decision.token->name, decision.token->forbund};
    }
    auto& logger = Poco::Logger::get("http");
    try {
        handle(request, response, caller);
    } catch (const BadParameter& e) {
        sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "bad_parameter", e.what());
    } catch (const NotFound& e) {
        sendError(response, HTTPResponse::HTTP_NOT_FOUND, "not_found", e.what());
    } catch (const StoreUnavailable& e) {
        logger.error(std::string("store failed: ") + e.what());
        sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "store_unavailable", "try again later");
    } catch (const std::exception& e) {
        // Logged, not answered: an exception's text may quote data.
        logger.error(std::string("request failed: ") + e.what());
        if (!response.sent()) {
            sendError(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "internal", "the request failed");
        }
    }
}

}  // namespace finsam::http
