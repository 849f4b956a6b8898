// core/http/indicators_handler.cpp — parameters → indicator report → JSON (default) or CSV.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/indicators_handler.h"

#include <sstream>

#include "core/indicators/indicator_report.h"

namespace finsam::http {

using Poco::Net::HTTPResponse;

void IndicatorsHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                               const Caller& caller) {
    auto pairs = query(request);
    const bool formatGiven = std::any_of(pairs.begin(), pairs.end(), [](const auto& p) { return p.first == "format"; });
    if (!formatGiven) pairs.emplace_back("format", "json");
    indicators::ReportParameters parameters;
    try {
        parameters = indicators::parseReportParameters(pairs);
    } catch (const indicators::ReportParameterError& e) {
        throw BadParameter(e.parameter(), std::string(e.what()).substr(e.parameter().size() + 2));
    }
    if (!caller.forbund.empty() && parameters.forbund != caller.forbund) {
        sendError(request, response, HTTPResponse::HTTP_FORBIDDEN, "forbidden",
                  "this token may read förbund " + caller.forbund + " only");
        return;
    }
    static const config::HubConfig defaults;
    const config::HubConfig& hub = context_.hub ? *context_.hub : defaults;
    const auto rows =
        withStore(context_, [&](store::Database& db) { return indicators::runReport(db, hub, parameters); });
    std::ostringstream body;
    if (parameters.format == "csv") {
        indicators::writeCsv(rows, body);
        sendJson(request, response, HTTPResponse::HTTP_OK, body.str(), "text/csv; charset=utf-8");
        return;
    }
    indicators::writeJson(rows, body);
    sendJson(request, response, HTTPResponse::HTTP_OK, body.str());
}

}  // namespace finsam::http
