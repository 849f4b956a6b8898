// core/http/api_handler.h — the base of every endpoint: authorisation by scope, JSON answers, error mapping.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/http/api_context.h"

namespace finsam::http {

/// Who is asking: the configured token's name (never the token) and its förbund limit ("" = none).
struct Caller {
    std::string token;
    std::string forbund;
};

/// Values of a route's {placeholders}, by name.
using PathParams = std::map<std::string, std::string>;

/// Decoded query parameters in request order.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// Thrown by handlers for a bad parameter: answered 400 {"error":"bad_parameter","message":"NAME: REASON"}.
class BadParameter : public std::runtime_error {
public:
    BadParameter(const std::string& parameter, const std::string& reason)
        : std::runtime_error(parameter + ": " + reason) {}
};

/// Thrown for a resource that does not exist: answered 404.
class NotFound : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Thrown for a request body over its route's limit: answered 413, without reading the rest.
class PayloadTooLarge : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The client went away while its answer was being written; the connection closes after this request.
class ClientGone : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Longest request target (path and query) answered; a longer one is 414. Poco refuses beyond 16 KiB.
inline constexpr std::size_t kMaxTargetBytes = 8192;
/// Longest decoded query value; no parameter of the API needs more (a full `types` list is under 1 KiB).
inline constexpr std::size_t kMaxQueryValueBytes = 2048;

/// Authorises the route's scope ("" = public), then calls handle(). A store failure is answered 503 and its
/// connection discarded; BadParameter 400; NotFound 404; PayloadTooLarge 413; anything else 500 — the message is logged, never
/// sent, so no value of the data can leak through an error.
class ApiHandler : public Poco::Net::HTTPRequestHandler {
public:
    ApiHandler(ApiContext& context, std::string scope, PathParams params)
        : context_(context), scope_(std::move(scope)), params_(std::move(params)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) final;

protected:
    virtual void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                        const Caller& caller) = 0;

    /// The request's query; throws BadParameter("query", …) when it cannot be decoded.
    static QueryParams query(const Poco::Net::HTTPServerRequest& request);

    /// The request body; throws PayloadTooLarge once it passes `limit` bytes, so a client cannot make the
    /// server buffer more than that, whatever Content-Length or chunking it sends.
    static std::string body(Poco::Net::HTTPServerRequest& request, std::size_t limit);

    ApiContext& context_;
    const std::string scope_;
    const PathParams params_;
};

/// `value` as an integer in [min, max]; else throws BadParameter(name, "an integer from MIN to MAX").
std::int64_t integerParameter(const std::string& name, const std::string& value, std::int64_t min, std::int64_t max);

/// Writes `body` with `status`, Cache-Control: no-store and a Content-Length: the header, then the body in one
/// write to the request's socket.
void sendJson(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
              Poco::Net::HTTPResponse::HTTPStatus status, const std::string& body,
              const std::string& contentType = "application/json");

/// Writes {"error": code, "message": message} with `status`.
void sendError(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
               Poco::Net::HTTPResponse::HTTPStatus status, const std::string& code, const std::string& message);

/// Runs fn(Database&) on a pooled connection. A failure discards the connection (it may be broken) and
/// rethrows as StoreUnavailable, which ApiHandler answers 503.
class StoreUnavailable : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

template <class Fn>
auto withStore(ApiContext& context, Fn&& fn) {
    try {
        auto lease = context.sessions.acquire();
        try {
            return fn(*lease);
        } catch (const BadParameter&) {
            throw;
        } catch (const NotFound&) {
            throw;
        } catch (...) {
            lease.discard();
            throw;
        }
    } catch (const BadParameter&) {
        throw;
    } catch (const NotFound&) {
        throw;
    } catch (const std::exception& e) {
        throw StoreUnavailable(e.what());
    }
}

}  // namespace finsam::http
