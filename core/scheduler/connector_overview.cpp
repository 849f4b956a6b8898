// core/scheduler/connector_overview.cpp — store reads composed into one object per connector.
// SPDX-License-Identifier: Apache-2.0
#include "core/scheduler/connector_overview.h"

#include "core/common/clock.h"
#include "core/identity/redactor.h"
#include "core/scheduler/schedule.h"
#include "core/store/batch_log.h"
#include "core/store/connector_control.h"
#include "core/store/connector_runs.h"
#include "core/store/connector_status.h"

namespace finsam::scheduler {

namespace {

using Writer = store::JsonWriter;

constexpr std::size_t kCheckpointShown = 2000;  ///< a stateful connector's checkpoint runs to hundreds of kB

// In the store's one timestamp format (common/clock.h).
std::string isoOf(Clock::time_point t) {
    return common::isoUtcIn(std::chrono::duration_cast<std::chrono::milliseconds>(t - Clock::now()));
}

std::string hhmm(int minute) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
    return text;
}

void writeRun(Writer& json, const store::ConnectorRun& run) {
    json.StartObject();
    json.Key("id"); json.Int64(run.id);
    json.Key("runner"); json.String(run.runner);
    json.Key("trigger"); json.String(run.trigger);
    json.Key("status"); json.String(run.status);
    json.Key("started_at"); json.String(run.startedAt);
    json.Key("finished_at");
    run.finishedAt.empty() ? json.Null() : json.String(run.finishedAt);
    json.Key("read"); json.Int64(run.counts.read);
    json.Key("accepted"); json.Int64(run.counts.accepted);
    json.Key("quarantined"); json.Int64(run.counts.quarantined);
    json.Key("rejected_rows"); json.Int64(run.counts.rejectedRows);
    json.Key("rejected_files"); json.Int64(run.counts.rejectedSources);
    json.Key("batches"); json.Int64(run.batches);
    json.Key("events"); json.Int64(run.events);
    json.Key("error");
    run.error.empty() ? json.Null() : json.String(run.error);
    json.EndObject();
}

void writeOverview(Writer& json, store::Database& database, const config::HubConfig& hub,
                   const config::ConnectorInstanceConfig& instance, std::size_t recentRuns) {
    store::ConnectorControl control(database);
    store::ConnectorRuns runs(database);
    const auto now = Clock::now();
    const auto state = control.read(instance.id);
    const auto holder = control.leaseHolder(instance.id, common::nowUtcIso());
    const auto last = runs.lastEnded(instance.id);
    const auto failures = runs.consecutiveFailures(instance.id);

    json.StartObject();
    writeStatusMembers(json, store::readConnectorStatus(database, instance.id));
    json.Key("plugin"); json.String(instance.plugin);
    json.Key("organisation"); json.String(instance.organisation);
    json.Key("enabled"); json.Bool(instance.enabled);
    json.Key("state"); json.String(connectorState(database, instance));
    json.Key("paused"); json.Bool(state.paused);
    json.Key("running_on");
    holder ? json.String(holder->owner) : json.Null();
    json.Key("run_requested");
    json.Bool(!state.runRequestedAt.empty());
    json.Key("reprocess_requested");
    json.Bool(!state.reprocessRequestedAt.empty());
    json.Key("consecutive_failures"); json.Int64(failures);
    json.Key("schedule");
    json.StartObject();
    json.Key("interval_seconds");
    json.Int(instance.schedule.intervalSeconds > 0 ? instance.schedule.intervalSeconds : hub.pollSeconds);
    json.Key("window");
    if (instance.schedule.windowFromMinute >= 0) {
        json.StartObject();
        json.Key("from"); json.String(hhmm(instance.schedule.windowFromMinute));
        json.Key("to"); json.String(hhmm(instance.schedule.windowToMinute));
        json.EndObject();
    } else {
        json.Null();
    }
    json.Key("watch"); json.Bool(instance.schedule.watch);
    json.EndObject();
    json.Key("next_run_at");
    if (!instance.enabled || state.paused) {
        json.Null();
    } else if (!state.runRequestedAt.empty() || !state.reprocessRequestedAt.empty()) {
        json.String(isoOf(now));
    } else {
        json.String(isoOf(nextRunFromHistory(database, hub, instance, now)));
    }
    json.Key("last_run");
    if (last) {
        writeRun(json, *last);
    } else {
        json.Null();
    }
    std::string checkpoint = identity::redactIdentities(store::BatchLog(database, instance.id).checkpoint());
    json.Key("checkpoint_bytes"); json.Uint64(checkpoint.size());
    json.Key("checkpoint");
    json.String(checkpoint.size() > kCheckpointShown ? checkpoint.substr(0, kCheckpointShown) + "…" : checkpoint);
    if (recentRuns > 0) {
        json.Key("runs");
        json.StartArray();
        for (const auto& run : runs.recent(instance.id, recentRuns)) {
            writeRun(json, run);
        }
        json.EndArray();
    }
    json.EndObject();
}

}  // namespace

std::string connectorState(store::Database& database, const config::ConnectorInstanceConfig& instance) {
    if (!instance.enabled) {
        return "disabled";
    }
    store::ConnectorControl control(database);
    if (control.leaseHolder(instance.id, common::nowUtcIso())) {
        return "running";
    }
    if (control.read(instance.id).paused) {
        return "paused";
    }
    return store::ConnectorRuns(database).consecutiveFailures(instance.id) > 0 ? "failing" : "idle";
}

std::string connectorOverviewJson(store::Database& database, const config::HubConfig& hub,
                                  const config::ConnectorInstanceConfig& instance, std::size_t runs) {
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    writeOverview(json, database, hub, instance, runs);
    return buffer.GetString();
}

std::string connectorOverviewsJson(store::Database& database, const config::HubConfig& hub,
                                   const std::vector<config::ConnectorInstanceConfig>& instances) {
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    json.StartArray();
    for (const auto& instance : instances) {
        writeOverview(json, database, hub, instance, 0);
    }
    json.EndArray();
    return buffer.GetString();
}

}  // namespace finsam::scheduler
