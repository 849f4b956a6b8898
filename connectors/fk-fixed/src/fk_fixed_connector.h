// connectors/fk-fixed/src/fk_fixed_connector.h — Försäkringskassan's fixed-width benefit export:
// the descriptor (SDK wiring only).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "finsam/sdk/connector.h"

namespace finsam::connectors::fk_fixed {

inline constexpr const char* kConnectorId = "fk-fixed";
inline constexpr const char* kConnectorVersion = "0.1.0";

/// id, version, settings schema, semantic checks, open().
class FkFixedConnector : public sdk::Connector {
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

}  // namespace finsam::connectors::fk_fixed
