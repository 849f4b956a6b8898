// core/app/hub_runtime.cpp — startup order: config, key, store (migrated), plugin directories.
// SPDX-License-Identifier: Apache-2.0
#include "core/app/hub_runtime.h"

#include <cstdlib>

#include "core/common/json.h"
#include "core/config/config_loader.h"
#include "core/identity/key_file.h"

namespace finsam::app {

store::StoreLocation storeLocationOf(const config::StoreConfig& store) {
    store::StoreLocation location;
    if (store.backend == "postgresql") {
        location.backend = store::Backend::kPostgresql;
        location.target = store.connection;
        if (!store.passwordFile.empty()) {
            location.password = identity::trimSecret(common::readTextFile(store.passwordFile));
        } else if (!store.passwordEnv.empty()) {
            const char* value = std::getenv(store.passwordEnv.c_str());
            location.password = value == nullptr ? "" : identity::trimSecret(value);
        }
    } else {
        location.target = store.path;
    }
    return location;
}

HubRuntime::HubRuntime(const std::string& configPath) : config(config::loadHubConfig(configPath)) {
    // The key first: a hub that cannot pseudonymise must not open its store at all.
    pseudonymizer = std::make_unique<identity::Pseudonymizer>(identity::loadKeyFile(config.keyFile, config.keyId));
    location = storeLocationOf(config.store);
    database = std::make_unique<store::Database>(location);
    database->migrate();
    for (const auto& dir : plugin_host::PluginHost::defaultDirs()) {
        config.pluginDirs.push_back(dir);
    }
}

}  // namespace finsam::app
