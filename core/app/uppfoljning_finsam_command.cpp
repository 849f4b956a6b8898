// core/app/uppfoljning_finsam_command.cpp — `finsam-hub uppfoljning-finsam`: one förbund-year's figures for the
// national follow-up as CSV (to type in or upload) or JSON. Operators only: the counts are not suppressed.
// SPDX-License-Identifier: Apache-2.0
#include <iostream>
#include <regex>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/app/hub_runtime.h"
#include "core/common/clock.h"
#include "core/indicators/uppfoljning_finsam.h"

namespace finsam::app {

int runUppfoljningFinsam(const Args& args) {
    Arguments arguments(args, {"config", "forbund", "year", "format", "as-of"}, {});
    const std::string forbund = arguments.require("forbund");
    if (!std::regex_match(forbund, std::regex("forbund-[a-z0-9-]+"))) {
        throw UsageError("--forbund: must name a förbund, forbund-<slug>");
    }
    const std::string yearText = arguments.require("year");
    if (!std::regex_match(yearText, std::regex("(19|20)[0-9]{2}"))) {
        throw UsageError("--year: must be a year YYYY, got \"" + yearText + "\"");
    }
    const std::string format = arguments.get("format", "csv");
    if (format != "csv" && format != "json") throw UsageError("--format: must be csv or json");
    auto asOf = common::todayInSweden();
    if (arguments.has("as-of")) {
        auto parsed = common::parseIsoDate(arguments.get("as-of"));
        if (!parsed) throw UsageError("--as-of: must be a date YYYY-MM-DD");
        asOf = *parsed;
    }
    HubRuntime runtime(arguments.require("config"));
    const auto rows =
        indicators::runUppfoljningFinsam(*runtime.database, runtime.config, forbund, std::stoi(yearText), asOf);
    format == "json" ? indicators::writeUppfoljningFinsamJson(rows, std::cout)
                     : indicators::writeUppfoljningFinsamCsv(rows, std::cout);
    return std::cout.flush() ? 0 : 1;
}

}  // namespace finsam::app
