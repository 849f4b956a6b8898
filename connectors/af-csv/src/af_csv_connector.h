// connectors/af-csv/src/af_csv_connector.h — Arbetsförmedlingen's FINSAM snapshot connector: SDK wiring.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "af_csv_settings.h"
#include "finsam/sdk/connector.h"
#include "snapshot_state.h"

namespace finsam::connectors::af_csv {

inline constexpr const char* kConnectorId = "af-csv";
inline constexpr const char* kConnectorVersion = "0.1.0";

class AfCsvConnector : public sdk::Connector {
public:
    std::string id() const override;
    std::string version() const override;
    std::string configSchema() const override;
    std::vector<std::string> check(const std::string& settingsJson, const sdk::Context& context) const override;
    std::unique_ptr<sdk::ConnectorRun> open(const std::string& settingsJson, const std::string& checkpoint,
                                            const sdk::Context& context, sdk::Result& error) override;
};

/// One run over the drop folder. Each readBatch() applies at most one file, oldest date first, as one batch
/// (a snapshot is the unit its withdrawals are computed over), and returns not drained while files remain.
class AfCsvRun : public sdk::ConnectorRun {
public:
    AfCsvRun(Settings settings, SnapshotState state, sdk::Logger* logger);

    sdk::BatchOutcome readBatch(std::size_t maxRecords, sdk::RecordSink& sink) override;

private:
    /// Applies one file; false when there was none left to apply.
    bool applyNext(sdk::RecordSink& sink);
    void applyFile(const FileRef& file, const std::string& fileDate, const std::string& bytes,
                   sdk::RecordSink& sink);

    Settings settings_;
    SnapshotState state_;
    [[maybe_unused]] sdk::Logger* logger_;  ///< may be null; owned by the host (unused so far)
};

}  // namespace finsam::connectors::af_csv
