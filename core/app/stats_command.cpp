// core/app/stats_command.cpp — `finsam-hub stats`: counts per entity as one JSON object.
// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/app/hub_runtime.h"
#include "core/store/store_stats.h"

namespace finsam::app {

int runStats(const Args& args) {
    Arguments arguments(args, {"config"}, {});
    HubRuntime runtime(arguments.require("config"));
    std::cout << store::readStats(*runtime.database).toJson() << std::endl;
    return 0;
}

}  // namespace finsam::app
