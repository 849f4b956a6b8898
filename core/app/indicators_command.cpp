// core/app/indicators_command.cpp — `finsam-hub indicators`: the national core and local indicators as CSV or JSON.
// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/app/hub_runtime.h"
#include "core/indicators/indicator_report.h"

namespace finsam::app {

int runIndicators(const Args& args) {
    Arguments arguments(args, {"config", "forbund", "from", "to", "period", "format", "as-of"}, {});
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const char* name : {"forbund", "from", "to", "period", "format"}) {
        if (arguments.has(name)) pairs.emplace_back(name, arguments.get(name));
    }
    if (arguments.has("as-of")) pairs.emplace_back("as_of", arguments.get("as-of"));
    indicators::ReportParameters parameters;
    try {
        parameters = indicators::parseReportParameters(pairs);
    } catch (const indicators::ReportParameterError& e) {
        throw UsageError("--" + std::string(e.parameter() == "as_of" ? "as-of" : e.parameter()) +
                         std::string(e.what()).substr(e.parameter().size()));
    }
    HubRuntime runtime(arguments.require("config"));
    const auto rows = indicators::runReport(*runtime.database, runtime.config, parameters);
    parameters.format == "json" ? indicators::writeJson(rows, std::cout) : indicators::writeCsv(rows, std::cout);
    return std::cout.flush() ? 0 : 1;
}

}  // namespace finsam::app
