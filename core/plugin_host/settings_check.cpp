// core/plugin_host/settings_check.cpp — schema first (RapidJSON), then the plugin's check().
// SPDX-License-Identifier: Apache-2.0
#include "core/plugin_host/settings_check.h"

#include "core/common/json.h"
#include "core/config/config_loader.h"
#include "core/plugin_host/plugin_host.h"

namespace finsam::plugin_host {

std::vector<std::string> checkSettings(const sdk::Connector& connector,
                                       const config::ConnectorInstanceConfig& instance) {
    std::vector<std::string> problems;
    rapidjson::Document schema, settings;
    schema.Parse(connector.configSchema().c_str());
    settings.Parse(instance.settingsJson.c_str());
    if (schema.HasParseError()) {
        problems.push_back(config::formatProblem(instance.file, "/plugin", "the plugin's schema is not JSON"));
        return problems;
    }
    for (const auto& violation : common::validateAgainstSchema(schema, settings)) {
        std::string pointer = "/settings" + (violation.pointer == "/" ? std::string() : violation.pointer);
        problems.push_back(config::formatProblem(instance.file, pointer, violation.reason));
    }
    if (!problems.empty()) {
        return problems;
    }
    sdk::Context context{instance.id, instance.organisation, instance.dir, nullptr};
    for (const auto& problem : connector.check(instance.settingsJson, context)) {
        auto colon = problem.find(": ");
        std::string pointer = colon == std::string::npos ? "" : problem.substr(0, colon);
        std::string reason = colon == std::string::npos ? problem : problem.substr(colon + 2);
        problems.push_back(config::formatProblem(instance.file, "/settings" + pointer, reason));
    }
    return problems;
}

std::vector<std::string> checkInstance(const config::ConnectorInstanceConfig& instance, PluginHost& plugins,
                                       const std::vector<std::string>& dirs) {
    sdk::Connector* connector = nullptr;
    try {
        connector = &plugins.load(instance.plugin, dirs);
    } catch (const std::exception& e) {
        return {config::formatProblem(instance.file, "/plugin", e.what())};
    }
    return checkSettings(*connector, instance);
}

}  // namespace finsam::plugin_host
