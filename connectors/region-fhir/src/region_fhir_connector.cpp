// connectors/region-fhir/src/region_fhir_connector.cpp — settings, checkpoint and fetcher into one run.
// SPDX-License-Identifier: Apache-2.0
#include "region_fhir_connector.h"

#include <exception>
#include <stdexcept>

#include "region_fhir_run.h"
#include "region_fhir_schema.h"
#include "http_page_fetcher.h"
#include "search_checkpoint.h"

namespace finsam::connectors::region_fhir {

FetcherFactory httpFetcherFactory() {
    return [](const Settings& settings, const sdk::Context& context) -> std::unique_ptr<PageFetcher> {
        return std::make_unique<HttpPageFetcher>(settings, context.configDir);
    };
}

RegionFhirConnector::RegionFhirConnector() : factory_(httpFetcherFactory()) {}

RegionFhirConnector::RegionFhirConnector(FetcherFactory factory) : factory_(std::move(factory)) {}

std::string RegionFhirConnector::id() const { return kConnectorId; }

std::string RegionFhirConnector::version() const { return kConnectorVersion; }

std::string RegionFhirConnector::configSchema() const { return std::string(settingsSchemaText()); }

std::vector<std::string> RegionFhirConnector::check(const std::string& settingsJson,
                                                    const sdk::Context& context) const {
    return checkSettings(settingsJson, context.configDir);
}

std::unique_ptr<sdk::ConnectorRun> RegionFhirConnector::open(const std::string& settingsJson,
                                                            const std::string& checkpoint,
                                                            const sdk::Context& context, sdk::Result& error) {
    std::vector<std::string> problems;
    auto settings = parseSettings(settingsJson, context.configDir, problems);
    if (!settings) {
        error = {sdk::Status::kInvalidConfig, "region-fhir: " + problems.front()};
        return nullptr;
    }
    auto state = Checkpoint::parse(checkpoint);
    if (!state) {
        // Without `since` and `seen` the connector cannot tell what the hub holds: refuse rather than guess,
        // and let the operator reset the checkpoint knowingly (a reset re-reads everything, idempotently).
        error = {sdk::Status::kInvalidConfig,
                 "region-fhir: the stored checkpoint is not a region-fhir checkpoint; reset it to read the server anew"};
        return nullptr;
    }
    try {
        auto fetcher = factory_(*settings, context);
        return std::make_unique<RegionFhirRun>(std::move(*settings), std::move(*state), std::move(fetcher),
                                               context.logger);
    } catch (const std::exception& e) {
        error = {sdk::Status::kInvalidConfig, std::string("region-fhir: ") + e.what()};
        return nullptr;
    }
}

}  // namespace finsam::connectors::region_fhir
