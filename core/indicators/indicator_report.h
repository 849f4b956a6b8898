// core/indicators/indicator_report.h — one indicator request end to end: parameters → facts → rows → CSV/JSON.
// The CLI (`finsam-hub indicators`) and GET /v1/indicators both run this, so they answer alike.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/config/hub_config.h"
#include "core/indicators/facts_loader.h"
#include "core/indicators/indicator_engine.h"
#include "core/store/database.h"

namespace finsam::indicators {

/// A request parameter that is missing or malformed; names the parameter.
class ReportParameterError : public std::invalid_argument {
public:
    ReportParameterError(std::string parameter, const std::string& reason)
        : std::invalid_argument(parameter + ": " + reason), parameter_(std::move(parameter)) {}
    const std::string& parameter() const { return parameter_; }

private:
    std::string parameter_;
};

struct ReportParameters {
    std::string forbund;  ///< required
    std::string from, to;  ///< YYYY-MM-DD, required
    std::string period = "year";
    std::string asOf;  ///< YYYY-MM-DD; empty = today in Sweden
    std::string format = "csv";  ///< csv | json
};

/// Reads name=value pairs (forbund, from, to, period, as_of, format); unknown names are errors.
ReportParameters parseReportParameters(const std::vector<std::pair<std::string, std::string>>& pairs);

/// The facts' scope for reports on `forbund`: the hub's follow-up window, and its sole member kommun when the hub
/// is that förbund's. scope.forbund is left empty (every förbund); narrow it when no comparison is needed.
FactsScope reportScope(const config::HubConfig& config, const std::string& forbund, std::chrono::year_month_day asOf);

std::vector<IndicatorRow> runReport(store::Database& database, const config::HubConfig& config,
                                    const ReportParameters& parameters);

void writeCsv(const std::vector<IndicatorRow>& rows, std::ostream& out);
void writeJson(const std::vector<IndicatorRow>& rows, std::ostream& out);

}  // namespace finsam::indicators
