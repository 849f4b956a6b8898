// core/app/hub_runtime.cpp — startup: config, key chain, store (migrated, key id checked), plugins.
// SPDX-License-Identifier: Apache-2.0
#include "core/app/hub_runtime.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "core/common/json.h"
#include "core/config/config_loader.h"
#include "core/identity/key_file.h"
#include "file_read.h"

namespace finsam::app {

store::StoreLocation storeLocationOf(const config::StoreConfig& store) {
    store::StoreLocation location;
    if (store.backend == "postgresql") {
        location.backend = store::Backend::kPostgresql;
        location.target = store.connection;
        if (!store.passwordFile.empty()) {
            std::string error;
            auto secret = sdk::toolkit::readPrivateFile(store.passwordFile, error);
            if (!secret) {
                throw std::runtime_error("store password_file " + store.passwordFile + ": " + error);
            }
            location.password = identity::trimSecret(std::move(*secret));
        } else if (!store.passwordEnv.empty()) {
            const char* value = std::getenv(store.passwordEnv.c_str());
            location.password = value == nullptr ? "" : identity::trimSecret(value);
        }
    } else {
        location.target = store.path;
    }
    return location;
}

namespace {

// One row is enough: a rekey moves every row at once, so a store under another id shows it in any
// row (an interrupted rekey, a restored old hub.json, a hand-edited key_id). Names ids, never keys.
void requireCurrentKeyId(store::Database& database, const config::HubConfig& config) {
    std::string stored;
    database.session() << "SELECT key_id FROM link_key LIMIT 1", soci::into(stored);
    if (!database.session().got_data() || stored == config.keyId) {
        return;
    }
    const auto& chain = config.keyChain;
    const bool earlier = std::any_of(chain.begin(), chain.end(),
                                     [&](const config::KeyRef& key) { return key.id == stored; });
    std::string advice =
        earlier ? "the configuration names a newer key but the store was not re-keyed; restore the "
                  "hub.json that matches the store"
                : "if `finsam-hub rekey --new-key-id " + stored +
                      "` was interrupted, run it again with the same key file to finish it; "
                      "otherwise restore the hub.json that matches the store";
    throw std::runtime_error("the store's link keys are under key id " + stored + " but " +
                             config.file + " has identity.key_id " + config.keyId + ": " + advice);
}

}  // namespace

HubRuntime::HubRuntime(const std::string& configPath, StoreKeyCheck keyCheck)
    : config(config::loadHubConfig(configPath)) {
    // The keys first: a hub that cannot pseudonymise must not open its store at all.
    std::vector<identity::PseudonymKey> chain;
    for (const auto& key : config.keyChain) {
        chain.push_back(identity::loadKeyFile(key.file, key.id));
    }
    pseudonymizer = std::make_unique<identity::Pseudonymizer>(
        identity::Pseudonymizer::fromChain(std::move(chain)));
    location = storeLocationOf(config.store);
    database = std::make_unique<store::Database>(location);
    database->migrate();
    if (keyCheck == StoreKeyCheck::kRequireCurrentKey) {
        requireCurrentKeyId(*database, config);
    }
    for (const auto& dir : plugin_host::PluginHost::defaultDirs()) {
        config.pluginDirs.push_back(dir);
    }
}

}  // namespace finsam::app
