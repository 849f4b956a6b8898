// core/http/admin_page_handler.h — GET /admin/ and its assets: the admin page for IT staff (core/http/admin/,
// compiled in). Public, like a login page: every API call the page makes carries the admin token it asks for.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/api_handler.h"

namespace finsam::http {

class AdminPageHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

}  // namespace finsam::http
