// plugins/mapped-csv/src/mapped_csv_connector.cpp — wires settings, checkpoint and run.
// SPDX-License-Identifier: Apache-2.0
#include "mapped_csv_connector.h"

#include <filesystem>

#include "file_checkpoint.h"
#include "mapped_csv_run.h"
#include "mapped_csv_schema.h"
#include "settings_reader.h"

namespace finsam::connectors::mapped_csv {

namespace fs = std::filesystem;

std::string MappedCsvConnector::id() const { return kConnectorId; }

std::string MappedCsvConnector::version() const { return kConnectorVersion; }

std::string MappedCsvConnector::configSchema() const { return std::string(settingsSchemaText()); }

std::vector<std::string> MappedCsvConnector::check(const std::string& settingsJson,
                                                   const sdk::Context& context) const {
    std::vector<std::string> problems;
    const auto settings = readSettings(settingsJson, context.configDir, problems);
    if (!settings) {
        return problems;
    }
    std::error_code error;
    const auto status = fs::status(settings->dropDir, error);
    if (!fs::exists(status)) {
        problems.push_back("/drop_dir: " + settings->dropDir.string() + " does not exist");
    } else if (!fs::is_directory(status)) {
        problems.push_back("/drop_dir: " + settings->dropDir.string() + " is not a directory");
    }
    return problems;
}

std::unique_ptr<sdk::ConnectorRun> MappedCsvConnector::open(const std::string& settingsJson,
                                                            const std::string& checkpoint,
                                                            const sdk::Context& context,
                                                            sdk::Result& error) {
    std::vector<std::string> problems;
    auto settings = readSettings(settingsJson, context.configDir, problems);
    if (!settings) {
        error = {sdk::Status::kInvalidConfig, problems.front()};
        return nullptr;
    }
    auto parsed = FileCheckpoint::parse(checkpoint);
    if (!parsed) {
        // Re-reading is safe (upserts are idempotent, snapshots are read in name order, the last
        // one wins), so start over rather than leave the instance stuck.
        if (context.logger != nullptr) {
            context.logger->log(sdk::Logger::Level::kWarning,
                                "mapped-csv: checkpoint not recognised; every matching file will "
                                "be read again");
        }
        parsed = FileCheckpoint{};
    }
    return std::make_unique<MappedCsvRun>(std::move(*settings), std::move(*parsed), context.logger);
}

}  // namespace finsam::connectors::mapped_csv
