// core/http/subscribers_handler.h — GET /v1/admin/subscribers: each webhook subscriber's cursor, lag and health.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/api_handler.h"

namespace finsam::http {

class SubscribersHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

}  // namespace finsam::http
