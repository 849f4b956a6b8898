// core/app/check_config_command.cpp — `finsam-hub check-config`: every problem as "file: /pointer: reason".
// SPDX-License-Identifier: Apache-2.0
#include <filesystem>
#include <iostream>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/common/embedded_file.h"
#include "core/common/json.h"
#include "core/config/config_loader.h"
#include "core/identity/key_file.h"
#include "core/indicators/indicator_definition.h"
#include "core/indicators/reference_rates.h"
#include "core/normalise/code_mapping.h"
#include "core/plugin_host/plugin_host.h"
#include "core/plugin_host/settings_check.h"

namespace finsam::app {

namespace {

// Local definitions and reference rates are read per report: a mistake should show here, not on a dashboard.
void checkIndicators(const config::HubConfig& config, std::vector<std::string>& problems) {
    try {
        const auto definitions = indicators::loadIndicatorDefinitions(config.indicatorsLocalDir);
        if (!config.indicatorsReferenceFile.empty()) {
            indicators::loadReferenceRates(config.indicatorsReferenceFile, definitions);
        }
    } catch (const std::exception& e) {
        problems.push_back(e.what());  // already "<file>: <pointer>: <reason>"
    }
}

int printSchemas(plugin_host::PluginHost& plugins, const std::vector<std::string>& dirs) {
    for (const auto& file : common::embeddedSchemas()) {
        std::cout << "# " << file.name << "\n" << file.content << "\n";
    }
    for (const auto& [id, path] : plugin_host::PluginHost::discover(dirs)) {
        std::cout << "# connector " << id << " (settings)\n" << plugins.load(id, dirs).configSchema() << "\n";
    }
    return 0;
}

}  // namespace

int runCheckConfig(const Args& args) {
    Arguments arguments(args, {"config"}, {"print-schemas"});
    plugin_host::PluginHost plugins;
    auto dirs = plugin_host::PluginHost::defaultDirs();
    if (arguments.has("print-schemas") && !arguments.has("config")) {
        return printSchemas(plugins, dirs);
    }
    std::vector<std::string> problems;
    config::HubConfig config;
    try {
        config = config::loadHubConfig(arguments.require("config"));
    } catch (const config::ConfigError& e) {
        problems = e.problems();
    }
    if (problems.empty()) {
        dirs.insert(dirs.begin(), config.pluginDirs.begin(), config.pluginDirs.end());
        // Every key of the chain must be safe: the old ones still derive link keys (core/identity/pseudonymizer.h).
        for (const auto& key : config.keyChain) {
            try {
                identity::loadKeyFile(key.file, key.id);
            } catch (const std::exception& e) {
                problems.push_back(config::formatProblem(config.file, key.file == config.keyFile
                                                                         ? "/identity/key_file"
                                                                         : "/identity/previous_keys",
                                                         e.what()));
            }
        }
        if (config.store.backend == "sqlite" &&
            !std::filesystem::is_directory(std::filesystem::path(config.store.path).parent_path())) {
            problems.push_back(config::formatProblem(config.file, "/store/path", "its directory does not exist"));
        }
        for (const auto& instance : config.connectors) {
            auto instanceProblems = plugin_host::checkInstance(instance, plugins, dirs);
            problems.insert(problems.end(), instanceProblems.begin(), instanceProblems.end());
            if (!instance.mappingFile.empty()) {
                normalise::CodeMapping::load(instance.mappingFile, problems);
            }
        }
        checkIndicators(config, problems);
    }
    for (const auto& problem : problems) {
        std::cout << problem << "\n";
    }
    if (arguments.has("print-schemas")) {
        printSchemas(plugins, dirs);
    }
    if (problems.empty()) {
        std::cout << "ok: " << config.file << " (" << config.connectors.size() << " connectors)\n";
    }
    return problems.empty() ? 0 : 1;
}

}  // namespace finsam::app
