// core/http/api_handler.cpp — authorisation and error mapping shared by every endpoint.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/api_handler.h"

#include <charconv>

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>

#include "core/common/json.h"

namespace finsam::http {

using Poco::Net::HTTPResponse;

std::int64_t integerParameter(const std::string& name, const std::string& value, std::int64_t min, std::int64_t max) {
    std::int64_t number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size() || number < min || number > max) {
        throw BadParameter(name, "an integer from " + std::to_string(min) + " to " + std::to_string(max));
    }
    return number;
}

void sendJson(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
              HTTPResponse::HTTPStatus status, const std::string& body, const std::string& contentType) {
    response.setStatusAndReason(status);  // the standard reason phrase, not "OK" on a 405
    response.setContentType(contentType);
    response.set("Cache-Control", "no-store");
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    // Poco 1.11 passes a body through a 4 KiB stream buffer: a feed page of 50 KB took 13 send calls, most of
    // the time a cached page costs. The header goes through Poco (which then counts the response as sent), the
    // body in one write to the socket.
    std::ostream& stream = response.send();
    auto* server = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
    if (server == nullptr) {
        stream.write(body.data(), static_cast<std::streamsize>(body.size()));
        return;
    }
    // Half an answer leaves nothing the connection can carry next: it closes after this request.
    auto gone = [&response](const std::string& why) {
        response.setKeepAlive(false);
        return ClientGone(why);
    };
    stream.flush();
    if (!stream) {
        throw gone("the header could not be written");
    }
    if (request.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD) {
        return;
    }
    for (std::size_t sent = 0; sent < body.size();) {
        int n = 0;
        try {
            n = server->socket().sendBytes(body.data() + sent, static_cast<int>(body.size() - sent));
        } catch (const Poco::Exception& e) {
            throw gone(e.displayText());
        }
        if (n <= 0) {
            throw gone("the client stopped reading");
        }
        sent += static_cast<std::size_t>(n);
    }
}

void sendError(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
               HTTPResponse::HTTPStatus status, const std::string& code, const std::string& message) {
    sendJson(request, response, status,
             "{\"error\":" + common::jsonQuote(code) + ",\"message\":" + common::jsonQuote(message) + "}");
}

QueryParams ApiHandler::query(const Poco::Net::HTTPServerRequest& request) {
    QueryParams parameters;
    try {
        parameters = Poco::URI(request.getURI()).getQueryParameters();
    } catch (const Poco::Exception&) {
        throw BadParameter("query", "the query string cannot be decoded");
    }
    for (const auto& [name, value] : parameters) {
        if (name.size() > kMaxQueryValueBytes || value.size() > kMaxQueryValueBytes) {
            throw BadParameter(name.substr(0, 64), "longer than " + std::to_string(kMaxQueryValueBytes) + " bytes");
        }
    }
    return parameters;
}

std::string ApiHandler::body(Poco::Net::HTTPServerRequest& request, std::size_t limit) {
    const std::string tooLarge = "the body is larger than " + std::to_string(limit / 1024) + " KiB";
    if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limit)) {
        throw PayloadTooLarge(tooLarge);
    }
    std::string out;
    char buffer[8192];
    auto& in = request.stream();
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        out.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (out.size() > limit) {
            throw PayloadTooLarge(tooLarge);
        }
    }
    return out;
}

void ApiHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    if (request.getURI().size() > kMaxTargetBytes) {
        sendError(request, response, HTTPResponse::HTTP_REQUEST_URI_TOO_LONG, "uri_too_long",
                  "the request target is longer than " + std::to_string(kMaxTargetBytes) + " bytes");
        return;
    }
    Caller caller;
    if (!scope_.empty()) {
        AuthDecision decision = context_.authenticator.check(request.get("Authorization", ""), scope_);
        if (decision.result == AuthResult::kMissingOrUnknown) {
            response.set("WWW-Authenticate", "Bearer");
            sendError(request, response, HTTPResponse::HTTP_UNAUTHORIZED, "unauthorized",
                      "a valid bearer token is required");
            return;
        }
        if (decision.result == AuthResult::kForbidden) {
            sendError(request, response, HTTPResponse::HTTP_FORBIDDEN, "forbidden", "the token lacks scope " + scope_);
            return;
        }
        caller = {decision.token->name, decision.token->forbund};
    }
    auto& logger = Poco::Logger::get("http");
    try {
        handle(request, response, caller);
    } catch (const BadParameter& e) {
        sendError(request, response, HTTPResponse::HTTP_BAD_REQUEST, "bad_parameter", e.what());
    } catch (const NotFound& e) {
        sendError(request, response, HTTPResponse::HTTP_NOT_FOUND, "not_found", e.what());
    } catch (const PayloadTooLarge& e) {
        response.setKeepAlive(false);  // the rest of the body is never read
        sendError(request, response, HTTPResponse::HTTP_REQUESTENTITYTOOLARGE, "payload_too_large", e.what());
    } catch (const ClientGone& e) {
        logger.information(std::string("answer not delivered: ") + e.what());
    } catch (const StoreUnavailable& e) {
        logger.error(std::string("store failed: ") + e.what());
        sendError(request, response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "store_unavailable", "try again later");
    } catch (const std::exception& e) {
        // Logged, not answered: an exception's text may quote data.
        logger.error(std::string("request failed: ") + e.what());
        if (!response.sent()) {
            sendError(request, response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "internal", "the request failed");
        }
    }
}

}  // namespace finsam::http
