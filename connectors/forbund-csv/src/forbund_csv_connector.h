// connectors/forbund-csv/src/forbund_csv_connector.h — the förbund register connector: SDK wiring
// only.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "finsam/sdk/connector.h"
#include "forbund_csv_settings.h"

namespace finsam::connectors::forbund_csv {

inline constexpr const char* kConnectorId = "forbund-csv";
inline constexpr const char* kConnectorVersion = "0.1.0";

/// The descriptor: id, version, settings schema, semantic checks, open().
class ForbundCsvConnector : public sdk::Connector {
public:
    std::string id() const override;
    std::string version() const override;
    std::string configSchema() const override;
    std::vector<std::string> check(const std::string& settingsJson,
                                   const sdk::Context& context) const override;
    std::unique_ptr<sdk::ConnectorRun> open(const std::string& settingsJson,
                                            const std::string& checkpoint,
                                            const sdk::Context& context,
                                            sdk::Result& error) override;
};

/// One run over the drop folder. Each readBatch() looks once: with no new set it returns drained
/// and the same checkpoint; with a new set it emits the whole set (all three sheets, however many
/// records, so the all-or-nothing unit stays in one batch) and returns drained with the new
/// checkpoint.
class ForbundCsvRun : public sdk::ConnectorRun {
public:
    /// Starts from `checkpoint` (Checkpoint text, or anything else to read the current set again).
    ForbundCsvRun(Settings settings, std::string checkpoint, sdk::Logger* logger);

    sdk::BatchOutcome readBatch(std::size_t maxRecords, sdk::RecordSink& sink) override;

private:
    sdk::BatchOutcome readOnce(sdk::RecordSink& sink);

    Settings settings_;
    std::string checkpoint_;  ///< returned unchanged until a set is read
    sdk::Logger* logger_;     ///< may be null; owned by the host
};

}  // namespace finsam::connectors::forbund_csv
