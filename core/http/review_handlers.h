// core/http/review_handlers.h — GET /v1/admin/review (probabilistic matches by status, paged) and
// POST /v1/admin/review/{id} ({"decision": "accept" | "reject"}), scope admin.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/api_handler.h"

namespace finsam::http {

class ReviewListHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

/// Records the decision, audited with the caller's token name, and re-decides the pair's links at once in
/// the same transaction (feed events included). 409 when the pair was decided before: it is never asked again.
class ReviewDecisionHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

}  // namespace finsam::http
