// connectors/forbund-csv/src/forbund_csv_connector.cpp — wires settings, drop folder, checkpoint
// and parser.
// SPDX-License-Identifier: Apache-2.0
#include "forbund_csv_connector.h"

#include <exception>

#include "checkpoint.h"
#include "drop_folder.h"
#include "forbund_csv_parser.h"
#include "forbund_csv_schema.h"

namespace finsam::connectors::forbund_csv {

std::string ForbundCsvConnector::id() const {
    return kConnectorId;
}

std::string ForbundCsvConnector::version() const {
    return kConnectorVersion;
}

std::string ForbundCsvConnector::configSchema() const {
    return std::string(settingsSchemaText());
}

std::vector<std::string> ForbundCsvConnector::check(const std::string& settingsJson,
                                                    const sdk::Context& context) const {
    return checkSettings(settingsJson, context.configDir);
}

std::unique_ptr<sdk::ConnectorRun> ForbundCsvConnector::open(const std::string& settingsJson,
                                                             const std::string& checkpoint,
                                                             const sdk::Context& context,
                                                             sdk::Result& error) {
    std::vector<std::string> problems;
    auto settings = parseSettings(settingsJson, context.configDir, problems);
    if (!settings) {
        error = {sdk::Status::kInvalidConfig, problems.front()};
        return nullptr;
    }
    if (!Checkpoint::parse(checkpoint)) {
        // Reading a snapshot again is harmless (the host's upserts are idempotent), so start over
        // rather than leave the instance stuck on a checkpoint it cannot read.
        if (context.logger != nullptr) {
            context.logger->log(
                sdk::Logger::Level::kWarning,
                "forbund-csv: checkpoint not recognised; the current set will be read again");
        }
    }
    return std::make_unique<ForbundCsvRun>(std::move(*settings), checkpoint, context.logger);
}

ForbundCsvRun::ForbundCsvRun(Settings settings, std::string checkpoint, sdk::Logger* logger)
    : settings_(std::move(settings)), checkpoint_(std::move(checkpoint)), logger_(logger) {}

sdk::BatchOutcome ForbundCsvRun::readBatch(std::size_t /*maxRecords: a set is one unit*/,
                                           sdk::RecordSink& sink) {
    try {
        return readOnce(sink);
    } catch (const std::exception& e) {
        sdk::BatchOutcome outcome;
        outcome.result = {sdk::Status::kInternalError, std::string("forbund-csv: ") + e.what()};
        outcome.checkpoint = checkpoint_;
        return outcome;
    }
}

sdk::BatchOutcome ForbundCsvRun::readOnce(sdk::RecordSink& sink) {
    sdk::BatchOutcome outcome;
    outcome.drained = true;
    outcome.checkpoint = checkpoint_;
    auto drop = readDropFolder(settings_.dropDir, settings_.marker);
    switch (drop.state) {
        case DropState::kUnreachable:
            outcome.result = {
                sdk::Status::kSourceUnavailable,
                "drop folder " + settings_.dropDir.string() + " is not reachable: " + drop.detail};
            return outcome;
        case DropState::kNoMarker:
            return outcome;
        case DropState::kInProgress:
            sink.warn("set not read yet: " + drop.detail + " (the förbund is still writing it)");
            return outcome;
        case DropState::kReady:
            break;
    }
    // The serialisation is deterministic: equal text means the same KLAR time and the same content.
    const std::string current = Checkpoint{drop.markerTimeNs, drop.contentHash}.toString();
    if (current == checkpoint_) {
        return outcome;
    }
    if (logger_ != nullptr) {
        logger_->log(sdk::Logger::Level::kInfo,
                     "forbund-csv: reading a new set from " + settings_.dropDir.string());
    }
    parseSet(drop.sheets, sink);
    checkpoint_ = current;
    outcome.checkpoint = checkpoint_;
    return outcome;
}

}  // namespace finsam::connectors::forbund_csv
