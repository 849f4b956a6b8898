// core/pipeline/ingest_runner.h — runs one connector instance batch by batch until its source is drained.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "core/config/hub_config.h"
#include "core/identity/pseudonymizer.h"
#include "core/plugin_host/plugin_host.h"
#include "core/store/batch_log.h"
#include "core/store/database.h"

namespace finsam::pipeline {

/// What `ingest` prints per connector: the counts reconcile (read = accepted + quarantined + rejected rows).
struct IngestSummary {
    std::string connector;
    store::BatchCounts counts;
    std::int64_t batches = 0;
    std::int64_t events = 0;
    double elapsedSeconds = 0;
    std::vector<std::string> warnings;
    std::string error;  ///< empty on success; never contains identity values

    std::string toJson() const;
};

/// How a drain is steered: when to stop, what to check before each commit, whom to tell after each batch.
struct DrainOptions {
    const std::atomic<bool>* stop = nullptr;  ///< checked between batches: a batch in flight is finished
    std::int64_t maxBatches = 0;              ///< 0 = no limit
    std::function<void(store::Database&)> beforeCommit;  ///< see ApplySettings::beforeCommit
    std::function<void(const IngestSummary&)> afterBatch;  ///< the running totals, after each commit
};

class IngestRunner {
public:
    IngestRunner(store::Database& database, plugin_host::PluginHost& plugins, const config::HubConfig& config,
                 const identity::Pseudonymizer& pseudonymizer)
        : database_(database), plugins_(plugins), config_(config), pseudonymizer_(pseudonymizer) {}

    /// Reads and commits batches until the connector says it is drained, `stop` becomes true (checked
    /// between batches: a batch in flight is finished and committed), `maxBatches` batches were committed
    /// (0 = no limit), or an error occurs. The next drain resumes from the committed checkpoint.
    IngestSummary drain(const config::ConnectorInstanceConfig& instance, const std::atomic<bool>* stop = nullptr,
                        std::int64_t maxBatches = 0);
    IngestSummary drain(const config::ConnectorInstanceConfig& instance, const DrainOptions& options);

private:
    store::Database& database_;
    plugin_host::PluginHost& plugins_;
    const config::HubConfig& config_;
    const identity::Pseudonymizer& pseudonymizer_;
};

}  // namespace finsam::pipeline
