// core/app/stats_command.cpp — `finsam-hub stats`: counts per entity as one JSON object.
// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/app/hub_runtime.h"
#include "core/common/json.h"
#include "core/store/connector_status.h"
#include "core/store/store_stats.h"

namespace finsam::app {

int runStats(const Args& args) {
    Arguments arguments(args, {"config"}, {});
    HubRuntime runtime(arguments.require("config"));
    // The store's counts, and per configured connector its status (batches, totals, quarantine, warnings).
    std::vector<std::string> connectors;
    for (const auto& connector : runtime.config.connectors) {
        connectors.push_back(connector.id);
    }
    rapidjson::Document stats, statuses;
    stats.Parse(store::readStats(*runtime.database).toJson().c_str());
    statuses.Parse(store::connectorStatusesJson(*runtime.database, connectors).c_str());
    rapidjson::Value copy;
    copy.CopyFrom(statuses, stats.GetAllocator());
    stats.AddMember("connectors", copy, stats.GetAllocator());
    std::cout << common::toJson(stats) << std::endl;
    return 0;
}

}  // namespace finsam::app
