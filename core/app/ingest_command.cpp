// core/app/ingest_command.cpp — `finsam-hub ingest`: drain connectors once and print their summaries. Each
// run takes the connector's lease and is recorded, like a run of serve's scheduler, so the CLI never runs a
// connector that a daemon is running, and the daemon's status and metrics include what the CLI did.
// SPDX-License-Identifier: Apache-2.0
#include <unistd.h>

#include <iostream>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/app/hub_runtime.h"
#include "core/app/json_log_formatter.h"
#include "core/app/progress_line.h"
#include "core/pipeline/ingest_runner.h"
#include "core/scheduler/leased_run.h"

namespace finsam::app {

int runIngest(const Args& args) {
    Arguments arguments(args, {"config", "connector"}, {"all", "reprocess"});
    if (arguments.has("all") == arguments.has("connector")) {
        throw UsageError("give exactly one of --connector ID or --all");
    }
    HubRuntime runtime(arguments.require("config"));
    setupLogging(runtime.config.logLevel, runtime.config.logComponents);
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
    scheduler::LeasedRun leased(*runtime.database, runner, scheduler::instanceName("cli@"),
                                std::chrono::seconds(runtime.config.scheduler.leaseSeconds));
    ProgressLine progress(std::cerr, isatty(STDERR_FILENO) == 1);
    int exitCode = 0;
    for (const auto* instance : instances) {
        scheduler::RunRequest request;
        request.trigger = "cli";
        request.reprocess = arguments.has("reprocess");
        request.afterBatch = [&](const pipeline::IngestSummary& sofar) { progress.update(sofar); };
        progress.begin(*instance);
        auto summary = leased.run(*instance, request);
        if (!summary) {
            progress.end();
            std::cerr << "finsam-hub ingest: connector " << instance->id << " is running on "
                      << leased.holder(instance->id) << "; not run\n";
            exitCode = 1;
            continue;
        }
        progress.end(&*summary);
        std::cout << summary->toJson() << std::endl;
        if (!summary->error.empty()) {
            exitCode = 1;
        }
    }
    return exitCode;
}

}  // namespace finsam::app
