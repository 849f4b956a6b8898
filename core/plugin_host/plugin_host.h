// core/plugin_host/plugin_host.h — loads connector plugins (shared libraries) behind an ABI gate.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/ClassLoader.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "finsam/sdk/connector.h"

namespace finsam::plugin_host {

/// A plugin the host refused or could not load, with the reason (names both ABI versions on a mismatch).
class PluginError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Owns the loaded libraries and one descriptor per connector id. Loading is serialised, so the scheduler's
/// runs may load plugins from several threads; a loaded descriptor stays put until the host is destroyed.
class PluginHost {
public:
    PluginHost();
    ~PluginHost();
    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    /// Loads libfinsam_connector_<id>.so from the first of `dirs` that has it. Throws PluginError.
    sdk::Connector& load(const std::string& id, const std::vector<std::string>& dirs);

    /// Loads the library at `path` (the ABI gate first). Throws PluginError.
    sdk::Connector& loadFile(const std::string& path);

    /// Every libfinsam_connector_*.so in `dirs`, by id.
    static std::map<std::string, std::string> discover(const std::vector<std::string>& dirs);

    /// The directories searched by default after configured ones: beside the binary, then the build tree.
    static std::vector<std::string> defaultDirs();

private:
    using Loader = Poco::ClassLoader<sdk::Connector>;
    std::recursive_mutex mutex_;
    std::unique_ptr<Loader> loader_;
    std::map<std::string, std::unique_ptr<sdk::Connector>> connectors_;
};

}  // namespace finsam::plugin_host
