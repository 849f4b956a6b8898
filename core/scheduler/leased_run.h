// core/scheduler/leased_run.h — one run of one connector under its lease, recorded in connector_run: the one
// way the scheduler, a run requested through the API and `finsam-hub ingest` all run a connector.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/pipeline/ingest_runner.h"
#include "core/store/database.h"

namespace finsam::scheduler {

/// Thrown inside a batch's transaction when this instance no longer holds the connector's lease: the batch
/// rolls back and another instance, which took the lease over, carries on from the committed checkpoint.
class LeaseLost : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct RunRequest {
    std::string trigger = "schedule";  ///< schedule | watch | manual | reprocess | cli
    bool reprocess = false;            ///< forget the checkpoint first: the source is read from its start
    const std::atomic<bool>* stop = nullptr;
    std::function<void(const pipeline::IngestSummary&)> afterBatch;
};

/// The name an instance gives itself in leases and runs: host/pid/random.
std::string instanceName(const std::string& prefix = "");

/// True for an owner named "[cli@]host/pid/random" on this host whose process no longer exists: it died
/// holding the lease (SIGKILL, a crash), so waiting for the lease to run out would only delay its successor.
bool deadOnThisHost(const std::string& owner);

class LeasedRun {
public:
    /// `database` is this run's own connection; `runner` built on that same connection.
    LeasedRun(store::Database& database, pipeline::IngestRunner& runner, std::string owner,
              std::chrono::seconds leaseLength)
        : database_(database), runner_(runner), owner_(std::move(owner)), leaseLength_(leaseLength) {}

    /// Claims the lease and runs the connector until drained, stopped or failed; nullopt (nothing done) when
    /// another instance holds the lease. A holder on this host whose process is gone loses it at once. The lease is renewed by every batch commit and released at the end.
    std::optional<pipeline::IngestSummary> run(const config::ConnectorInstanceConfig& instance,
                                               const RunRequest& request);

    /// Who holds the lease now (for the message when run() answered nullopt).
    std::string holder(const std::string& connector);

private:
    store::Database& database_;
    pipeline::IngestRunner& runner_;
    std::string owner_;
    std::chrono::seconds leaseLength_;
};

}  // namespace finsam::scheduler
