// core/http/routes.h — the API's one route table: method, path template, scope and handler of every endpoint.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/http/api_handler.h"

namespace finsam::http {

using HandlerFactory = Poco::Net::HTTPRequestHandler* (*)(ApiContext& context, const std::string& scope,
                                                           PathParams params);

struct Route {
    std::string method;  ///< GET, POST, …
    std::string path;    ///< OpenAPI path template: /v1/admin/persons/{person_key}/explain
    std::string scope;   ///< feed:read | indicators:read | admin; "" = public
    HandlerFactory make;
};

/// Every endpoint the server answers (openapi.json documents exactly these; a test holds them equal).
const std::vector<Route>& apiRoutes();

struct RouteMatch {
    const Route* route = nullptr;      ///< set when method and path match
    PathParams params;
    std::vector<std::string> allowed;  ///< methods of the path when only the method is wrong (405)
};

/// Matches `path` segment by segment; a {placeholder} takes one non-empty segment.
RouteMatch matchRoute(const std::string& method, const std::string& path);

}  // namespace finsam::http
