// core/http/connector_handlers.h — the connector management API (scope admin): list and show connectors with
// their state and runs, pause, resume, run now, reprocess, and validate a connector config before saving it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/api_handler.h"

namespace finsam::http {

/// GET /v1/admin/connectors
class ConnectorsHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

/// GET /v1/admin/connectors/{id}: one connector with its latest runs (?runs=N, 1–200, default 20).
class ConnectorHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

/// POST /v1/admin/connectors/{id}/pause | resume | run | reprocess: answers the connector after the change.
class ConnectorActionHandler : public ApiHandler {
public:
    ConnectorActionHandler(ApiContext& context, std::string scope, PathParams params, std::string action)
        : ApiHandler(context, std::move(scope), std::move(params)), action_(std::move(action)) {}

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;

private:
    std::string action_;
};

/// POST /v1/admin/connectors/validate: a connector instance (JSON body) checked as check-config would, with
/// its plugin's settings and its mapping file; nothing is saved.
class ValidateConnectorHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

}  // namespace finsam::http
