// connectors/fk-fixed/src/fk_fixed_connector.cpp — settings and checkpoint in, a run out.
// SPDX-License-Identifier: Apache-2.0
#include "fk_fixed_connector.h"

#include "checkpoint.h"
#include "fk_fixed_run.h"
#include "fk_fixed_schema.h"
#include "fk_fixed_settings.h"

namespace finsam::connectors::fk_fixed {

std::string FkFixedConnector::id() const {
    return kConnectorId;
}

std::string FkFixedConnector::version() const {
    return kConnectorVersion;
}

std::string FkFixedConnector::configSchema() const {
    return std::string(settingsSchemaText());
}

std::vector<std::string> FkFixedConnector::check(const std::string& settingsJson,
                                                 const sdk::Context& context) const {
    return checkSettings(settingsJson, context.configDir);
}

std::unique_ptr<sdk::ConnectorRun> FkFixedConnector::open(const std::string& settingsJson,
                                                          const std::string& checkpointText,
                                                          const sdk::Context& context,
                                                          sdk::Result& error) {
    std::vector<std::string> problems;
    auto settings = parseSettings(settingsJson, context.configDir, problems);
    if (!settings) {
        error = {sdk::Status::kInvalidConfig, problems.front()};
        return nullptr;
    }
    auto checkpoint = Checkpoint::parse(checkpointText);
    if (!checkpoint) {
        // Reading every file in the folder again in batch order ends in the same state (upserts
        // and retracts are idempotent), so start over rather than leave the instance stuck.
        if (context.logger != nullptr) {
            context.logger->log(sdk::Logger::Level::kWarning,
                                "fk-fixed: checkpoint not recognised; every batch file in the "
                                "drop folder will be read again");
        }
        checkpoint = Checkpoint{};
    }
    const bool nothingApplied = checkpoint->lastBatch == 0 && checkpoint->missingBatches.empty() &&
                                checkpoint->files.empty() && !checkpoint->current;
    if (nothingApplied) {
        checkpoint->lastBatch = settings->startAfterBatch;  // schema.json: only for a new instance
    }
    return std::make_unique<FkFixedRun>(std::move(*settings), std::move(*checkpoint),
                                        context.logger);
}

}  // namespace finsam::connectors::fk_fixed
