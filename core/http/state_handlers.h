// core/http/state_handlers.h — the current-state API: /v1/deltaganden, /v1/insatser, /v1/persons.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/api_handler.h"

namespace finsam::http {

/// GET of one current-state collection (scope feed:read): pseudonymous, paged, filterable; each read is audited.
/// `entity` is deltagande, insats or person (core/feed/current_state.h).
class CurrentStateHandler : public ApiHandler {
public:
    CurrentStateHandler(ApiContext& context, std::string scope, PathParams params, std::string entity)
        : ApiHandler(context, std::move(scope), std::move(params)), entity_(std::move(entity)) {}

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;

private:
    std::string entity_;
};

}  // namespace finsam::http
