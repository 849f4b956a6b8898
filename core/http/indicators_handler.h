// core/http/indicators_handler.h — GET /v1/indicators: the rows `finsam-hub indicators` prints.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/api_handler.h"

namespace finsam::http {

/// Scope indicators:read. Aggregates only, small counts suppressed: nothing person-level, so not audited.
class IndicatorsHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

}  // namespace finsam::http
