// core/scheduler/leased_run.cpp — claim, record, drain (renewing the lease in every batch), record, release.
// SPDX-License-Identifier: Apache-2.0
#include "core/scheduler/leased_run.h"

#include <Poco/Environment.h>
#include <Poco/Process.h>

#include "core/common/clock.h"
#include "core/common/hash.h"
#include "core/store/connector_control.h"
#include "core/store/connector_runs.h"

namespace finsam::scheduler {

std::string instanceName(const std::string& prefix) {
    return prefix + Poco::Environment::nodeName() + "/" + std::to_string(Poco::Process::id()) + "/" +
           common::randomHex(4);
}

bool deadOnThisHost(const std::string& owner) {
    std::string name = owner.rfind("cli@", 0) == 0 ? owner.substr(4) : owner;
    const auto slash = name.find('/');
    const auto second = slash == std::string::npos ? std::string::npos : name.find('/', slash + 1);
    if (second == std::string::npos || name.substr(0, slash) != Poco::Environment::nodeName()) {
        return false;
    }
    try {
        const int pid = std::stoi(name.substr(slash + 1, second - slash - 1));
        return pid > 0 && pid != static_cast<int>(Poco::Process::id()) && !Poco::Process::isRunning(pid);
    } catch (const std::exception&) {
        return false;
    }
}

std::string LeasedRun::holder(const std::string& connector) {
    store::ConnectorControl control(database_);
    auto held = control.leaseHolder(connector, common::nowUtcIso());
    return held ? held->owner : "";
}

std::optional<pipeline::IngestSummary> LeasedRun::run(const config::ConnectorInstanceConfig& instance,
                                                      const RunRequest& request) {
    store::ConnectorControl control(database_);
    const auto lease = std::chrono::duration_cast<std::chrono::milliseconds>(leaseLength_);
    if (!control.claimLease(instance.id, owner_, common::nowUtcIso(), common::isoUtcIn(lease))) {
        const auto held = control.leaseHolder(instance.id, common::nowUtcIso());
        if (!held || !deadOnThisHost(held->owner) ||
            !control.takeOverLease(instance.id, held->owner, owner_, common::isoUtcIn(lease))) {
            return std::nullopt;
        }
    }
    store::ConnectorRuns runs(database_);
    store::ConnectorRun record;
    pipeline::IngestSummary summary;
    try {
        record.id = runs.start(instance.id, owner_, request.trigger);
        if (request.reprocess) {
            control.resetCheckpoint(instance.id);
        }
        pipeline::DrainOptions options;
        options.stop = request.stop;
        options.afterBatch = request.afterBatch;
        options.beforeCommit = [&](store::Database& db) {
            if (!store::ConnectorControl(db).renewLease(instance.id, owner_, common::isoUtcIn(lease))) {
                throw LeaseLost("connector " + instance.id + ": lease lost to another instance; batch rolled back");
            }
        };
        summary = runner_.drain(instance, options);
    } catch (const std::exception& e) {
        summary.connector = instance.id;
        summary.error = e.what();
    }
    record.status = !summary.error.empty()                        ? "failed"
                    : request.stop != nullptr && request.stop->load() ? "stopped"
                                                                      : "ok";
    record.counts = summary.counts;
    record.batches = summary.batches;
    record.events = summary.events;
    record.error = summary.error;
    try {
        if (record.id != 0) {
            runs.finish(record);
        }
        control.releaseLease(instance.id, owner_);
    } catch (const std::exception&) {
        // The store went away mid-run: the lease runs out by itself and the next run marks this one abandoned.
    }
    return summary;
}

}  // namespace finsam::scheduler
