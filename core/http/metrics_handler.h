// core/http/metrics_handler.h — GET /metrics (scope metrics): Prometheus text format 0.0.4. Connector counters
// come from the store, so they include runs by the CLI and by other instances; HTTP counters are this
// instance's own (docs/operations.md lists every series).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/api_handler.h"

namespace finsam::http {

class MetricsHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

}  // namespace finsam::http
