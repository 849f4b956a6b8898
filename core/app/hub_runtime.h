// core/app/hub_runtime.h — what every subcommand that touches the store needs: config, store, key, plugins.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include "core/config/hub_config.h"
#include "core/identity/pseudonymizer.h"
#include "core/plugin_host/plugin_host.h"
#include "core/store/database.h"

namespace finsam::app {

class HubRuntime {
public:
    /// Loads and validates the config (ConfigError), opens and migrates the store, and loads the
    /// pseudonymisation key (refusing a missing, world-readable or short one).
    explicit HubRuntime(const std::string& configPath);

    config::HubConfig config;
    store::StoreLocation location;
    std::unique_ptr<store::Database> database;
    std::unique_ptr<identity::Pseudonymizer> pseudonymizer;
    plugin_host::PluginHost plugins;
};

/// The store location a config names, with the PostgreSQL password read from its file or variable.
store::StoreLocation storeLocationOf(const config::StoreConfig& store);

}  // namespace finsam::app
