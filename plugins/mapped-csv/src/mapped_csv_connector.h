// plugins/mapped-csv/src/mapped_csv_connector.h — the generic CSV connector's descriptor: SDK
// wiring only.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "finsam/sdk/connector.h"

namespace finsam::connectors::mapped_csv {

inline constexpr const char* kConnectorId = "mapped-csv";
inline constexpr const char* kConnectorVersion = "0.1.0";

/// id, version, the embedded schema, check() and open(). Everything partner-specific is in the
/// instance settings (schema.json); see README.md.
class MappedCsvConnector : public sdk::Connector {
public:
    std::string id() const override;
    std::string version() const override;
    std::string configSchema() const override;
    /// Schema violations, then the mapping rules (mapping_rules.h), then whether drop_dir is a
    /// folder.
    std::vector<std::string> check(const std::string& settingsJson,
                                   const sdk::Context& context) const override;
    std::unique_ptr<sdk::ConnectorRun> open(const std::string& settingsJson,
                                            const std::string& checkpoint,
                                            const sdk::Context& context,
                                            sdk::Result& error) override;
};

}  // namespace finsam::connectors::mapped_csv
