// core/http/routes.cpp — the route table. Adding an endpoint means a line here and its entry in openapi.json.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/routes.h"

#include <Poco/StringTokenizer.h>

#include "core/http/admin_handlers.h"
#include "core/http/admin_page_handler.h"
#include "core/http/connector_handlers.h"
#include "core/http/feed_handlers.h"
#include "core/http/indicators_handler.h"
#include "core/http/metrics_handler.h"
#include "core/http/public_handlers.h"
#include "core/http/quarantine_handlers.h"
#include "core/http/review_handlers.h"
#include "core/http/state_handlers.h"
#include "core/http/subscribers_handler.h"

namespace finsam::http {

namespace {

template <class Handler>
Poco::Net::HTTPRequestHandler* make(ApiContext& context, const std::string& scope, PathParams params) {
    return new Handler(context, scope, std::move(params));
}

template <const char* Entity>
Poco::Net::HTTPRequestHandler* makeState(ApiContext& context, const std::string& scope, PathParams params) {
    return new CurrentStateHandler(context, scope, std::move(params), Entity);
}

template <const char* Action>
Poco::Net::HTTPRequestHandler* makeAction(ApiContext& context, const std::string& scope, PathParams params) {
    return new ConnectorActionHandler(context, scope, std::move(params), Action);
}

constexpr char kPause[] = "pause";
constexpr char kResume[] = "resume";
constexpr char kRun[] = "run";
constexpr char kReprocess[] = "reprocess";
constexpr char kDeltagande[] = "deltagande";
constexpr char kInsats[] = "insats";
constexpr char kPerson[] = "person";

std::vector<std::string> segments(const std::string& path) {
    std::vector<std::string> out;
    Poco::StringTokenizer tokens(path, "/");
    for (const auto& token : tokens) {
        out.push_back(token);
    }
    return out;
}

bool matches(const std::string& pattern, const std::string& path, PathParams& params) {
    auto want = segments(pattern);
    auto have = segments(path);
    if (want.size() != have.size()) {
        return false;
    }
    PathParams found;
    for (std::size_t i = 0; i < want.size(); ++i) {
        const auto& segment = want[i];
        if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
            if (have[i].empty()) {
                return false;
            }
            found[segment.substr(1, segment.size() - 2)] = have[i];
        } else if (segment != have[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

}  // namespace

const std::vector<Route>& apiRoutes() {
    static const std::vector<Route> routes = {
        {"GET", "/healthz", "", make<HealthHandler>},
        {"GET", "/readyz", "", make<ReadyHandler>},
        {"GET", "/openapi.json", "", make<OpenApiHandler>},
        {"GET", "/metrics", "metrics", make<MetricsHandler>},
        {"GET", "/admin", "", make<AdminPageHandler>},
        {"GET", "/admin/", "", make<AdminPageHandler>},
        {"GET", "/admin/{asset}", "", make<AdminPageHandler>},
        {"GET", "/v1/feed", "feed:read", make<FeedHandler>},
        {"GET", "/v1/feed/head", "feed:read", make<FeedHeadHandler>},
        {"GET", "/v1/deltaganden", "feed:read", makeState<kDeltagande>},
        {"GET", "/v1/insatser", "feed:read", makeState<kInsats>},
        {"GET", "/v1/persons", "feed:read", makeState<kPerson>},
        {"GET", "/v1/indicators", "indicators:read", make<IndicatorsHandler>},
        {"GET", "/v1/admin/connectors", "admin", make<ConnectorsHandler>},
        {"POST", "/v1/admin/connectors/validate", "admin", make<ValidateConnectorHandler>},
        {"GET", "/v1/admin/connectors/{id}", "admin", make<ConnectorHandler>},
        {"POST", "/v1/admin/connectors/{id}/pause", "admin", makeAction<kPause>},
        {"POST", "/v1/admin/connectors/{id}/resume", "admin", makeAction<kResume>},
        {"POST", "/v1/admin/connectors/{id}/run", "admin", makeAction<kRun>},
        {"POST", "/v1/admin/connectors/{id}/reprocess", "admin", makeAction<kReprocess>},
        {"GET", "/v1/admin/quarantine", "admin", make<QuarantineListHandler>},
        {"GET", "/v1/admin/quarantine/{id}", "admin", make<QuarantineItemHandler>},
        {"GET", "/v1/admin/subscribers", "admin", make<SubscribersHandler>},
        {"GET", "/v1/admin/access", "admin", make<AccessAuditHandler>},
        {"GET", "/v1/admin/persons/{person_key}/explain", "admin", make<ExplainHandler>},
        {"GET", "/v1/admin/review", "admin", make<ReviewListHandler>},
        {"POST", "/v1/admin/review/{id}", "admin", make<ReviewDecisionHandler>},
    };
    return routes;
}

RouteMatch matchRoute(const std::string& method, const std::string& path) {
    RouteMatch match;
    for (const auto& route : apiRoutes()) {
        PathParams params;
        if (!matches(route.path, path, params)) {
            continue;
        }
        if (route.method == method) {
            match.route = &route;
            match.params = std::move(params);
            return match;
        }
        match.allowed.push_back(route.method);
    }
    return match;
}

}  // namespace finsam::http
