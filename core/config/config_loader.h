// core/config/config_loader.h — reads hub.json and its connector instance files, each checked by its JSON Schema.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "core/config/hub_config.h"

namespace finsam::config {

/// Every problem found, one per line, as "file: /json/pointer: reason".
class ConfigError : public std::runtime_error {
public:
    explicit ConfigError(std::vector<std::string> problems);
    const std::vector<std::string>& problems() const { return problems_; }

private:
    std::vector<std::string> problems_;
};

/// Loads and validates `path` and the instance files it names. Throws ConfigError listing every problem.
HubConfig loadHubConfig(const std::string& path);

/// A connector instance given as JSON text (e.g. POST /v1/admin/connectors/validate), checked as if it were the
/// file `path`, whose directory relative paths resolve against. Problems are appended; the plugin's own
/// settings check is plugin_host::checkSettings.
ConnectorInstanceConfig parseConnectorInstance(const std::string& text, const std::string& path,
                                               std::vector<std::string>& problems);

/// The embedded JSON Schema called `name` (e.g. "hub.schema.json"); throws if there is none.
std::string_view schemaText(std::string_view name);

/// Formats a problem the one way the hub reports configuration problems.
std::string formatProblem(const std::string& file, const std::string& pointer, const std::string& reason);

}  // namespace finsam::config
