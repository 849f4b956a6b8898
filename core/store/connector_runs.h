// core/store/connector_runs.h — each run of a connector (table connector_run, migration 0009): its trigger,
// outcome and counts, whoever ran it (serve's scheduler on any instance, or `finsam-hub ingest`).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/batch_log.h"
#include "core/store/database.h"

namespace finsam::store {

struct ConnectorRun {
    std::int64_t id = 0;
    std::string connector;
    std::string runner;   ///< the instance (host/pid/…) or "cli@host/pid"
    std::string trigger;  ///< schedule | watch | manual | reprocess | cli
    std::string startedAt;
    std::string finishedAt;  ///< "" while running
    std::string status;      ///< running | ok | failed | stopped | abandoned
    BatchCounts counts;
    std::int64_t batches = 0;
    std::int64_t events = 0;
    std::string error;  ///< redacted; "" unless failed
};

/// Statements on one connection (not thread-safe, like Database).
class ConnectorRuns {
public:
    explicit ConnectorRuns(Database& database) : database_(database) {}

    /// Records a run as started, and any earlier run of the connector still marked running as abandoned:
    /// the caller holds the lease, so their runner is gone. Returns the run's id.
    std::int64_t start(const std::string& connector, const std::string& runner, const std::string& trigger);
    void finish(const ConnectorRun& run);

    /// The newest first.
    std::vector<ConnectorRun> recent(const std::string& connector, std::size_t limit);
    /// The newest run that ended (any status but running), if any.
    std::optional<ConnectorRun> lastEnded(const std::string& connector);
    /// The newest run that ended ok, if any.
    std::optional<ConnectorRun> lastSucceeded(const std::string& connector);
    /// Failed runs since the last run that did not fail.
    std::int64_t consecutiveFailures(const std::string& connector);

private:
    std::vector<ConnectorRun> select(const std::string& where, const std::string& connector, std::size_t limit);

    Database& database_;
};

}  // namespace finsam::store
