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

/// Whether HubRuntime insists that the store's link keys carry the configured current key id.
enum class StoreKeyCheck {
    kRequireCurrentKey,  ///< every command that derives or reads link keys
    kSkip,               ///< `rekey` only: it is the command that moves the store to another key id
};

class HubRuntime {
public:
    /// Loads and validates the config (ConfigError), loads every key of the chain (refusing a
    /// missing, world-readable or short one), opens and migrates the store and, with
    /// kRequireCurrentKey, refuses a store whose link keys carry another key id than
    /// identity.key_id: ingest would silently make a second person for everyone already known.
    explicit HubRuntime(const std::string& configPath,
                        StoreKeyCheck keyCheck = StoreKeyCheck::kRequireCurrentKey);

    config::HubConfig config;
    store::StoreLocation location;
    std::unique_ptr<store::Database> database;
    std::unique_ptr<identity::Pseudonymizer> pseudonymizer;
    plugin_host::PluginHost plugins;
};

/// The store location a config names, with the PostgreSQL password read from its file or variable.
store::StoreLocation storeLocationOf(const config::StoreConfig& store);

}  // namespace finsam::app
