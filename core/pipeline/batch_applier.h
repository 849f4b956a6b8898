// core/pipeline/batch_applier.h — runs a collected batch through the stages and commits it in one transaction.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/config/hub_config.h"
#include "core/consent/consent.h"
#include "core/link/duplicate_reports.h"
#include "core/link/pair_classifier.h"
#include "core/pipeline/batch_collector.h"
#include "core/pipeline/pipeline.h"
#include "core/store/batch_log.h"
#include "core/store/database.h"

namespace finsam::pipeline {

/// Who produced a batch.
struct BatchOrigin {
    std::string connector;     ///< instance id
    std::string organisation;
};

struct AppliedBatch {
    std::int64_t batchId = 0;
    store::BatchCounts counts;
    std::int64_t events = 0;
    std::vector<std::string> warnings;
};

/// Hub-wide rules a batch is applied under (hub.json).
struct ApplySettings {
    consent::WindowConfig window;
    link::ReportPrecedence precedence;
    int citationGraceDays = 30;  ///< consent.citation_grace_days: how long an early citation is held
    bool probabilistic = false;  ///< linkage.probabilistic: match persons by their encodings
    link::MatchThresholds thresholds;
    /// Runs inside the batch's transaction just before it commits; throwing rolls the batch back. The
    /// scheduler renews its lease here, so an instance that lost the lease commits nothing.
    std::function<void(store::Database&)> beforeCommit;
};

/// The settings hub.json gives (consent window, duplicate precedence, citation grace, linkage); beforeCommit unset.
ApplySettings applySettingsOf(const config::HubConfig& config);

/// Applies batches of one connector instance. The data, its lineage, its feed events and the connector's
/// new checkpoint commit together or not at all: a crash replays the batch from the previous checkpoint.
class BatchApplier {
public:
    BatchApplier(store::Database& database, const Pipeline& pipeline, BatchOrigin origin,
                 ApplySettings settings = {})
        : database_(database), pipeline_(pipeline), origin_(std::move(origin)), settings_(std::move(settings)) {}

    /// Throws (and rolls back) on a store failure; the caller retries the batch from the stored checkpoint.
    AppliedBatch apply(BatchCollector& batch, const std::string& checkpoint, const std::string& startedAt);

private:
    store::Database& database_;
    const Pipeline& pipeline_;
    BatchOrigin origin_;
    ApplySettings settings_;
};

}  // namespace finsam::pipeline
