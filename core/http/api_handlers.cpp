// core/http/api_handlers.cpp — health, readiness and the feed endpoint.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/api_handlers.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

#include "core/common/json.h"
#include "core/feed/feed_json.h"
#include "core/feed/feed_query.h"
#include "core/feed/feed_reader.h"
#include "core/common/clock.h"
#include "core/link/person_explainer.h"
#include "core/store/connector_status.h"

namespace finsam::http {

using Poco::Net::HTTPResponse;

namespace {

void sendJson(Poco::Net::HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const std::string& body,
              const std::string& contentType = "application/json") {
    response.setStatus(status);
    response.setContentType(contentType);
    response.set("Cache-Control", "no-store");
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    response.send() << body;
}

bool authorize(ApiContext& context, Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
               const std::string& scope) {
    std::string header = request.get("Authorization", "");
    switch (context.authenticator.check(header, scope)) {
        case AuthResult::kAllowed:
            return true;
        case AuthResult::kMissingOrUnknown:
            response.set("WWW-Authenticate", "Bearer");
            sendError(response, HTTPResponse::HTTP_UNAUTHORIZED, "unauthorized", "a valid bearer token is required");
            return false;
        case AuthResult::kForbidden:
            sendError(response, HTTPResponse::HTTP_FORBIDDEN, "forbidden", "the token lacks scope " + scope);
            return false;
    }
    return false;
}

}  // namespace

void sendError(Poco::Net::HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const std::string& code,
               const std::string& message) {
    sendJson(response, status,
             "{\"error\":" + common::jsonQuote(code) + ",\"message\":" + common::jsonQuote(message) + "}");
}

void HealthHandler::handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    sendJson(response, HTTPResponse::HTTP_OK, "{\"status\":\"ok\"}");
}

void ReadyHandler::handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    if (!context_.ready.load()) {
        sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "not_ready", "starting or migrating");
        return;
    }
    try {
        auto lease = context_.sessions.acquire();
        int one = 0;
        lease->session() << "SELECT 1", soci::into(one);
        sendJson(response, HTTPResponse::HTTP_OK, "{\"status\":\"ready\"}");
    } catch (const std::exception& e) {
        sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "store_unavailable", "the store does not answer");
    }
}

void FeedHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    if (!authorize(context_, request, response, "feed:read")) {
        return;
    }
    if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_GET) {
        sendError(response, HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "method_not_allowed", "use GET");
        return;
    }
    feed::FeedQueryResult parsed;
    try {
        parsed = feed::parseFeedQuery(Poco::URI(request.getURI()).getQueryParameters());
    } catch (const Poco::Exception&) {
        sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "bad_query", "the query string cannot be decoded");
        return;
    }
    if (!parsed.ok) {
        sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "bad_parameter", parsed.parameter + ": " + parsed.reason);
        return;
    }
    std::vector<feed::FeedEvent> events;
    try {
        auto lease = context_.sessions.acquire();
        try {
            events = feed::FeedReader(*lease).read(parsed.query.after, parsed.query.limit);
        } catch (...) {
            lease.discard();
            throw;
        }
    } catch (const std::exception& e) {
        Poco::Logger::get("http").error(std::string("feed read failed: ") + e.what());
        sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "store_unavailable", "try again later");
        return;
    }
    if (request.get("Accept", "").find("application/x-ndjson") != std::string::npos) {
        sendJson(response, HTTPResponse::HTTP_OK, feed::toNdjson(events), "application/x-ndjson");
        return;
    }
    sendJson(response, HTTPResponse::HTTP_OK, feed::toJsonPage(events, parsed.query.after));
}

void ExplainHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    if (!authorize(context_, request, response, "admin")) {
        return;
    }
    std::string date;
    for (const auto& [name, value] : Poco::URI(request.getURI()).getQueryParameters()) {
        if (name != "date" || !common::parseIsoDate(value)) {
            sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "bad_query",
                      "the only parameter is date=YYYY-MM-DD");
            return;
        }
        date = value;
    }
    std::optional<std::string> document;
    try {
        auto lease = context_.sessions.acquire();
        try {
            document = link::PersonExplainer(*lease, context_.window).explain(personKey_, date);
        } catch (...) {
            lease.discard();
            throw;
        }
    } catch (const std::exception& e) {
        Poco::Logger::get("http").error(std::string("explain failed: ") + e.what());
        sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "store_unavailable", "try again later");
        return;
    }
    if (!document) {
        sendError(response, HTTPResponse::HTTP_NOT_FOUND, "not_found", "no such person");
        return;
    }
    sendJson(response, HTTPResponse::HTTP_OK, *document);
}

void ConnectorsHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                      Poco::Net::HTTPServerResponse& response) {
    if (!authorize(context_, request, response, "admin")) {
        return;
    }
    std::string document;
    try {
        auto lease = context_.sessions.acquire();
        try {
            document = store::connectorStatusesJson(*lease, context_.connectors);
        } catch (...) {
            lease.discard();
            throw;
        }
    } catch (const std::exception& e) {
        Poco::Logger::get("http").error(std::string("connector status failed: ") + e.what());
        sendError(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "store_unavailable", "try again later");
        return;
    }
    sendJson(response, HTTPResponse::HTTP_OK, "{\"connectors\":" + document + "}");
}

void BadRequestHandler::handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    sendError(response, HTTPResponse::HTTP_BAD_REQUEST, "bad_request", "the request target cannot be parsed");
}

void NotFoundHandler::handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    sendError(response, HTTPResponse::HTTP_NOT_FOUND, "not_found", "no such endpoint");
}

}  // namespace finsam::http
