// core/pipeline/ingest_runner.cpp — open the run at the committed checkpoint, then read/apply until drained.
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/ingest_runner.h"

#include <Poco/Logger.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>

#include "core/common/clock.h"
#include "core/consent/consent_gate.h"
#include "core/identity/identity_stage.h"
#include "core/identity/redactor.h"
#include "core/normalise/normaliser.h"
#include "core/pipeline/batch_applier.h"
#include "core/pipeline/connector_logger.h"
#include "core/plugin_host/settings_check.h"
#include "core/validate/validator.h"

namespace finsam::pipeline {

namespace {

Pipeline buildPipeline(const config::ConnectorInstanceConfig& instance, const identity::Pseudonymizer& pseudonymizer,
                       bool encodings) {
    std::vector<std::string> problems;
    normalise::CodeMapping mapping;
    if (!instance.mappingFile.empty()) {
        mapping = normalise::CodeMapping::load(instance.mappingFile, problems);
        if (!problems.empty()) {
            throw std::runtime_error(problems.front());
        }
    }
    std::vector<std::unique_ptr<model::RecordStage>> stages;
    stages.push_back(std::make_unique<normalise::Normaliser>(std::move(mapping)));
    stages.push_back(std::make_unique<validate::Validator>());
    stages.push_back(std::make_unique<identity::IdentityStage>(pseudonymizer, encodings));
    stages.push_back(std::make_unique<consent::ConsentGate>());
    return Pipeline(std::move(stages));
}

const char* statusName(sdk::Status status) {
    switch (status) {
        case sdk::Status::kOk: return "ok";
        case sdk::Status::kInvalidConfig: return "invalid_config";
        case sdk::Status::kSourceUnavailable: return "source_unavailable";
        case sdk::Status::kInternalError: return "internal_error";
    }
    return "unknown";
}

}  // namespace

std::string IngestSummary::toJson() const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    json.Key("connector"); json.String(connector);
    json.Key("read"); json.Int64(counts.read);
    json.Key("accepted"); json.Int64(counts.accepted);
    json.Key("quarantined"); json.Int64(counts.quarantined);
    json.Key("rejected_rows"); json.Int64(counts.rejectedRows);
    json.Key("rejected_files"); json.Int64(counts.rejectedSources);
    json.Key("batches"); json.Int64(batches);
    json.Key("events"); json.Int64(events);
    json.Key("elapsed_seconds"); json.Double(elapsedSeconds);
    json.Key("warnings");
    json.StartArray();
    for (const auto& warning : warnings) {
        json.String(warning);
    }
    json.EndArray();
    if (!error.empty()) {
        json.Key("error"); json.String(error);
    }
    json.EndObject();
    return buffer.GetString();
}

IngestSummary IngestRunner::drain(const config::ConnectorInstanceConfig& instance, const std::atomic<bool>* stop,
                                  std::int64_t maxBatches) {
    DrainOptions options;
    options.stop = stop;
    options.maxBatches = maxBatches;
    return drain(instance, options);
}

IngestSummary IngestRunner::drain(const config::ConnectorInstanceConfig& instance, const DrainOptions& options) {
    const std::atomic<bool>* stop = options.stop;
    auto started = std::chrono::steady_clock::now();
    IngestSummary summary;
    summary.connector = instance.id;
    auto& logger = Poco::Logger::get("ingest");
    try {
        sdk::Connector& connector = plugins_.load(instance.plugin, config_.pluginDirs);
        if (auto problems = plugin_host::checkSettings(connector, instance); !problems.empty()) {
            throw std::runtime_error("invalid settings: " + problems.front());
        }
        Pipeline pipeline = buildPipeline(instance, pseudonymizer_, config_.probabilisticLinkage);
        ConnectorLogger connectorLogger(instance.id);
        sdk::Context context{instance.id, instance.organisation, instance.dir, &connectorLogger};
        store::BatchLog log(database_, instance.id);
        sdk::Result openError;
        std::string committed = log.checkpoint();  // kept here: re-reading it per batch costs a large one's size
        auto run = connector.open(instance.settingsJson, committed, context, openError);
        if (!run) {
            throw std::runtime_error(std::string("open failed (") + statusName(openError.status) + "): " +
                                     openError.message);
        }
        ApplySettings settings = applySettingsOf(config_);
        settings.beforeCommit = options.beforeCommit;
        BatchApplier applier(database_, pipeline, BatchOrigin{instance.id, instance.organisation}, settings);
        while (stop == nullptr || !stop->load()) {
            BatchCollector batch;
            std::string startedAt = common::nowUtcIso();
            sdk::BatchOutcome outcome = run->readBatch(static_cast<std::size_t>(config_.batchSize), batch);
            if (outcome.result.status != sdk::Status::kOk) {
                throw std::runtime_error(std::string("read failed (") + statusName(outcome.result.status) +
                                         "): " + outcome.result.message);
            }
            std::vector<std::string> warnings = batch.warnings;
            if (!batch.empty() || outcome.checkpoint != committed) {
                AppliedBatch applied = applier.apply(batch, outcome.checkpoint, startedAt);
                committed = outcome.checkpoint;
                warnings = applied.warnings;
                summary.counts.read += applied.counts.read;
                summary.counts.accepted += applied.counts.accepted;
                summary.counts.quarantined += applied.counts.quarantined;
                summary.counts.rejectedRows += applied.counts.rejectedRows;
                summary.counts.rejectedSources += applied.counts.rejectedSources;
                summary.events += applied.events;
                summary.batches += 1;
                if (options.afterBatch) {
                    summary.elapsedSeconds =
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                    options.afterBatch(summary);
                }
            }
            // Warnings matter even when nothing was applied (e.g. a set still being written).
            for (const auto& warning : warnings) {
                logger.warning("connector " + instance.id + ": " + identity::redactIdentities(warning));
                summary.warnings.push_back(identity::redactIdentities(warning));
            }
            if (outcome.drained || (options.maxBatches > 0 && summary.batches >= options.maxBatches)) {
                break;
            }
        }
    } catch (const std::exception& e) {
        summary.error = identity::redactIdentities(std::string("connector ") + instance.id + ": " + e.what());
        logger.error(summary.error);
    }
    summary.elapsedSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace finsam::pipeline
