// core/http/admin_handlers.h — operators' endpoints (scope admin): a person's story, the access audit.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/api_handler.h"

namespace finsam::http {

/// GET /v1/admin/persons/{person_key}/explain?date=D: the person's records, links, refusals and audit.
class ExplainHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

/// GET /v1/admin/access?limit=N: the newest reads of person-level data (who, what, when, how many rows).
class AccessAuditHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

}  // namespace finsam::http
