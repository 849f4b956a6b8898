// core/http/api_handlers.h — the HTTP endpoints: /healthz, /readyz, /v1/feed.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "core/http/api_context.h"

namespace finsam::http {

/// Writes {"error": code, "message": message} with `status`.
void sendError(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
               const std::string& code, const std::string& message);

/// Liveness: the process serves requests. No token needed.
class HealthHandler : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

/// Readiness: migrations done and the store answers. No token needed.
class ReadyHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit ReadyHandler(ApiContext& context) : context_(context) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    ApiContext& context_;
};

/// GET /v1/feed?after=SEQ&limit=N (scope feed:read); JSON, or NDJSON for Accept: application/x-ndjson.
class FeedHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit FeedHandler(ApiContext& context) : context_(context) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    ApiContext& context_;
};

/// GET /v1/admin/persons/{key}/explain (scope admin): the person's records, links, refusals and audit.
class ExplainHandler : public Poco::Net::HTTPRequestHandler {
public:
    ExplainHandler(ApiContext& context, std::string personKey)
        : context_(context), personKey_(std::move(personKey)) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    ApiContext& context_;
    std::string personKey_;
};

/// GET /v1/admin/connectors (scope admin): per connector its batches, totals, open quarantine and warnings.
class ConnectorsHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit ConnectorsHandler(ApiContext& context) : context_(context) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    ApiContext& context_;
};

class BadRequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

class NotFoundHandler : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

}  // namespace finsam::http
