// connectors/kommun-api/src/kommun_api_connector.cpp — settings and secrets read, the HTTP fetcher made, the
// run opened from the checkpoint.
// SPDX-License-Identifier: Apache-2.0
#include "kommun_api_connector.h"

#include <exception>

#include "finsam/http_client/secrets.h"
#include "http_page_fetcher.h"
#include "kommun_api_run.h"
#include "kommun_api_schema.h"
#include "kommun_api_settings.h"

namespace finsam::connectors::kommun_api {

std::string KommunApiConnector::id() const { return kConnectorId; }

std::string KommunApiConnector::version() const { return kConnectorVersion; }

std::string KommunApiConnector::configSchema() const { return std::string(settingsSchemaText()); }

std::vector<std::string> KommunApiConnector::check(const std::string& settingsJson,
                                                   const sdk::Context& context) const {
    return checkSettings(settingsJson, context.configDir);
}

std::unique_ptr<sdk::ConnectorRun> KommunApiConnector::open(const std::string& settingsJson,
                                                            const std::string& checkpoint,
                                                            const sdk::Context& context, sdk::Result& error) {
    std::vector<std::string> problems;
    auto settings = parseSettings(settingsJson, context.configDir, problems);
    if (!settings) {
        error = {sdk::Status::kInvalidConfig, "kommun-api: " + problems.front()};
        return nullptr;
    }
    try {
        std::string joinKey = http_client::readSecret(settings->joinKey, context.configDir);
        auto fetcher = std::make_unique<HttpPageFetcher>(*settings, context.configDir);
        return openRun(std::move(*settings), checkpoint, joinKey, std::move(fetcher), error);
    } catch (const std::exception& e) {
        // readSecret names the variable or file, never its content.
        error = {sdk::Status::kInvalidConfig, std::string("kommun-api: ") + e.what()};
        return nullptr;
    }
}

}  // namespace finsam::connectors::kommun_api
