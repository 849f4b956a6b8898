// core/http/public_handlers.h — endpoints without a token: liveness, readiness and the API description.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/api_handler.h"

namespace finsam::http {

/// GET /healthz: the process serves requests.
class HealthHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

/// GET /readyz: migrations done and the store answers.
class ReadyHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

/// GET /openapi.json: the OpenAPI 3 description of every route (core/http/openapi.json, compiled in).
class OpenApiHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

}  // namespace finsam::http
