// core/app/ingest_command.cpp — `finsam-hub ingest`: drain connectors once and print their summaries.
// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/app/hub_runtime.h"
#include "core/app/json_log_formatter.h"
#include "core/pipeline/ingest_runner.h"

namespace finsam::app {

int runIngest(const Args& args) {
    Arguments arguments(args, {"config", "connector"}, {"all"});
    if (arguments.has("all") == arguments.has("connector")) {
        throw UsageError("give exactly one of --connector ID or --all");
    }
    HubRuntime runtime(arguments.require("config"));
    setupLogging(runtime.config.logLevel);
    std::vector<const config::ConnectorInstanceConfig*> instances;
    if (arguments.has("all")) {
        for (const auto& instance : runtime.config.connectors) {
            if (instance.enabled) {
                instances.push_back(&instance);
            }
        }
    } else {
        const auto* instance = runtime.config.connector(arguments.get("connector"));
        if (instance == nullptr) {
            throw UsageError("no connector instance '" + arguments.get("connector") + "' in " + runtime.config.file);
        }
        instances.push_back(instance);
    }
    pipeline::IngestRunner runner(*runtime.database, runtime.plugins, runtime.config, *runtime.pseudonymizer);
    int exitCode = 0;
    for (const auto* instance : instances) {
        auto summary = runner.drain(*instance);
        std::cout << summary.toJson() << std::endl;
        if (!summary.error.empty()) {
            exitCode = 1;
        }
    }
    return exitCode;
}

}  // namespace finsam::app
