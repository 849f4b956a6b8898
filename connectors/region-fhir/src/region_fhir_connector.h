// connectors/region-fhir/src/region_fhir_connector.h — the region's FHIR R4 connector: SDK wiring.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "finsam/sdk/connector.h"
#include "page_fetcher.h"
#include "region_fhir_settings.h"

namespace finsam::connectors::region_fhir {

inline constexpr const char* kConnectorId = "region-fhir";
inline constexpr const char* kConnectorVersion = "0.1.0";

/// Makes the fetcher of one run. Throws (std::exception) when it cannot, e.g. the token is unreadable;
/// the message names the variable or file, never the token.
using FetcherFactory =
    std::function<std::unique_ptr<PageFetcher>(const Settings& settings, const sdk::Context& context)>;

/// The fetcher the plugin uses: HTTPS through plugins/http-client when the connector was built with it.
FetcherFactory httpFetcherFactory();

class RegionFhirConnector : public sdk::Connector {
public:
    RegionFhirConnector();  ///< with httpFetcherFactory()
    explicit RegionFhirConnector(FetcherFactory factory);  ///< tests: recorded pages

    std::string id() const override;
    std::string version() const override;
    std::string configSchema() const override;
    std::vector<std::string> check(const std::string& settingsJson, const sdk::Context& context) const override;
    std::unique_ptr<sdk::ConnectorRun> open(const std::string& settingsJson, const std::string& checkpoint,
                                            const sdk::Context& context, sdk::Result& error) override;

private:
    FetcherFactory factory_;
};

}  // namespace finsam::connectors::region_fhir
