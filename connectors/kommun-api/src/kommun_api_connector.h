// connectors/kommun-api/src/kommun_api_connector.h — the kommun's REST API connector: SDK wiring.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "finsam/sdk/connector.h"

namespace finsam::connectors::kommun_api {

inline constexpr const char* kConnectorId = "kommun-api";
inline constexpr const char* kConnectorVersion = "0.1.0";

class KommunApiConnector : public sdk::Connector {
public:
    std::string id() const override;
    std::string version() const override;
    std::string configSchema() const override;
    std::vector<std::string> check(const std::string& settingsJson, const sdk::Context& context) const override;
    std::unique_ptr<sdk::ConnectorRun> open(const std::string& settingsJson, const std::string& checkpoint,
                                            const sdk::Context& context, sdk::Result& error) override;
};

}  // namespace finsam::connectors::kommun_api
