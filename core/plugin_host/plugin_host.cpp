// core/plugin_host/plugin_host.cpp — ABI check with Poco::SharedLibrary, then Poco::ClassLoader's manifest.
// SPDX-License-Identifier: Apache-2.0
#include "core/plugin_host/plugin_host.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/SharedLibrary.h>
#include <Poco/Util/Application.h>

#include <filesystem>

#include "core/common/build_info.h"

namespace finsam::plugin_host {

namespace {

constexpr const char* kPrefix = "libfinsam_connector_";

// The toolchain this host was built with, spelled as FINSAM_CONNECTOR_EXPORT spells it.
std::string hostToolchain() {
#if defined(__clang__)
    return std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
    return "gcc " + std::to_string(__GNUC__) + "." + std::to_string(__GNUC_MINOR__) + "." +
           std::to_string(__GNUC_PATCHLEVEL__);
#else
    return "unknown";
#endif
}

// Reads the ABI stamp before Poco::ClassLoader touches the manifest: a C++ ABI mismatch must be caught
// before any vtable or std::string crosses the boundary.
std::string checkAbi(const std::string& path) {
    Poco::SharedLibrary library;
    try {
        library.load(path);
    } catch (const Poco::Exception& e) {
        throw PluginError(path + ": cannot be loaded: " + e.displayText());
    }
    if (!library.hasSymbol(FINSAM_CONNECTOR_ABI_SYMBOL)) {
        library.unload();
        throw PluginError(path + ": not a finsam connector (no " FINSAM_CONNECTOR_ABI_SYMBOL ")");
    }
    using AbiFunction = const sdk::AbiInfo* (*)();
    auto abi = reinterpret_cast<AbiFunction>(library.getSymbol(FINSAM_CONNECTOR_ABI_SYMBOL))();
    std::string id = abi->connectorId;
    std::string toolchain = abi->toolchain;
    int major = abi->major;
    int minor = abi->minor;
    library.unload();
    if (major != sdk::kAbiMajor) {
        throw PluginError(path + ": connector '" + id + "' was built for plugin ABI " + std::to_string(major) + "." +
                          std::to_string(minor) + ", this hub speaks ABI " + std::to_string(sdk::kAbiMajor) +
                          "." + std::to_string(sdk::kAbiMinor) + ": rebuild the connector against this SDK");
    }
    if (minor > sdk::kAbiMinor) {
        throw PluginError(path + ": connector '" + id + "' was built for plugin ABI " + std::to_string(major) + "." +
                          std::to_string(minor) + ", newer than this hub's " + std::to_string(sdk::kAbiMajor) + "." +
                          std::to_string(sdk::kAbiMinor) + ": it may send what this hub cannot read; upgrade the hub");
    }
    if (toolchain != hostToolchain()) {
        throw PluginError(path + ": connector '" + id + "' was built with " + toolchain + ", this hub with " +
                          hostToolchain() + ": the C++ ABI must match exactly");
    }
    return id;
}

}  // namespace

PluginHost::PluginHost() : loader_(std::make_unique<Loader>()) {}

PluginHost::~PluginHost() {
    // Descriptors are objects of the libraries: destroy them before the loader unloads the code.
    connectors_.clear();
    loader_.reset();
}

sdk::Connector& PluginHost::loadFile(const std::string& path) {
    std::lock_guard lock(mutex_);  // recursive: load() holds it too
    std::string id = checkAbi(path);
    auto existing = connectors_.find(id);
    if (existing != connectors_.end()) {
        return *existing->second;
    }
    try {
        loader_->loadLibrary(path);
    } catch (const Poco::Exception& e) {
        throw PluginError(path + ": cannot be loaded: " + e.displayText());
    }
    const auto* manifest = loader_->findManifest(path);
    if (manifest == nullptr || manifest->begin() == manifest->end()) {
        throw PluginError(path + ": has no connector class in its manifest");
    }
    std::unique_ptr<sdk::Connector> connector(manifest->begin()->create());
    if (connector->id() != id) {
        throw PluginError(path + ": stamped as '" + id + "' but its connector says '" + connector->id() + "'");
    }
    auto& stored = connectors_[id];
    stored = std::move(connector);
    return *stored;
}

sdk::Connector& PluginHost::load(const std::string& id, const std::vector<std::string>& dirs) {
    std::lock_guard lock(mutex_);
    auto existing = connectors_.find(id);
    if (existing != connectors_.end()) {
        return *existing->second;
    }
    auto found = discover(dirs);
    auto it = found.find(id);
    if (it == found.end()) {
        std::string searched;
        for (const auto& dir : dirs) {
            searched += (searched.empty() ? "" : ", ") + dir;
        }
        throw PluginError("connector plugin '" + id + "' not found (looked for " + kPrefix + id + ".so in " +
                          searched + ")");
    }
    return loadFile(it->second);
}

std::map<std::string, std::string> PluginHost::discover(const std::vector<std::string>& dirs) {
    std::map<std::string, std::string> found;
    for (const auto& dir : dirs) {
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
            std::string name = entry.path().filename().string();
            if (name.rfind(kPrefix, 0) == 0 && entry.path().extension() == ".so") {
                std::string id = name.substr(std::string(kPrefix).size());
                id = id.substr(0, id.size() - 3);
                found.emplace(id, entry.path().string());  // first directory wins
            }
        }
    }
    return found;
}

std::vector<std::string> PluginHost::defaultDirs() {
    std::vector<std::string> dirs;
    std::error_code error;
    auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        dirs.push_back((self.parent_path().parent_path() / "lib" / "finsam" / "connectors").string());
    }
    dirs.emplace_back(common::kBuildConnectorDir);
    return dirs;
}

}  // namespace finsam::plugin_host
