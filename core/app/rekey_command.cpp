// core/app/rekey_command.cpp — `finsam-hub rekey`: every stored link key moves to a new secret.
// Rules: architecture §3 (the secret has an id and can be rotated); the chain: pseudonymizer.h.
// SPDX-License-Identifier: Apache-2.0
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <regex>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/app/arguments.h"
#include "core/app/commands.h"
#include "core/app/hub_runtime.h"
#include "core/common/file_io.h"
#include "core/common/json.h"
#include "core/config/config_loader.h"
#include "core/identity/key_file.h"
#include "core/identity/pseudonymizer.h"
#include "core/store/link_key_rekey.h"

namespace finsam::app {

namespace {

namespace fs = std::filesystem;

// The schema's pattern for identity.key_id: checked before anything so the rewritten hub.json is
// valid.
const std::regex kKeyIdPattern("[A-Za-z0-9._-]{1,40}");

// A key file inside the configuration directory is written relative to it, as `init` does, so the
// directory can move; any other is written absolute.
std::string keyFileValue(const config::HubConfig& config, const std::string& keyFile) {
    const fs::path file = fs::absolute(keyFile).lexically_normal();
    const fs::path dir = fs::path(config.file).parent_path();
    const fs::path relative = file.lexically_relative(dir);
    if (!relative.empty() && *relative.begin() != "..") {
        return relative.generic_string();
    }
    return file.string();
}

// hub.json as written, with identity.key_file/key_id set to the new key and the old current key
// appended to identity.previous_keys. Every other member keeps its value and order.
std::string rotatedConfigText(const config::HubConfig& config, const std::string& newKeyFile,
                              const std::string& newKeyId) {
    rapidjson::Document document = common::readJsonFile(config.file);
    auto& allocator = document.GetAllocator();
    auto& identity = document["identity"];
    if (config.keyId != identity["key_id"].GetString()) {
        throw std::runtime_error(config.file + " changed while rekey was reading it; run it again");
    }
    rapidjson::Value previous(rapidjson::kObjectType);
    previous.AddMember("key_file", rapidjson::Value(identity["key_file"], allocator), allocator);
    previous.AddMember("key_id", rapidjson::Value(identity["key_id"], allocator), allocator);
    if (!identity.HasMember("previous_keys")) {
        identity.AddMember("previous_keys", rapidjson::Value(rapidjson::kArrayType), allocator);
    }
    identity["previous_keys"].PushBack(previous, allocator);
    identity["key_file"].SetString(newKeyFile, allocator);
    identity["key_id"].SetString(newKeyId, allocator);
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    writer.SetIndent(' ', 2);
    document.Accept(writer);
    return std::string(buffer.GetString()) + "\n";
}

[[noreturn]] void failFile(const std::string& path, const std::string& what, int error) {
    throw std::runtime_error(path + ": cannot " + what + ": " + std::strerror(error));
}

// Writes `text` to `path` with the mode and (when allowed) the owner of `like`, durably: the
// rename that follows must never expose a short file, nor one the hub's own user cannot read.
void writeDurably(const std::string& path, const std::string& text, const struct stat& like) {
    const mode_t mode = like.st_mode & 07777;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) {
        failFile(path, "create", errno);
    }
    int error = ::fchmod(fd, mode) == 0 ? 0 : errno;
    if (error == 0 && ::fchown(fd, like.st_uid, like.st_gid) != 0 && errno != EPERM) {
        error = errno;  // EPERM: not root, so the file is ours anyway
    }
    if (error != 0) {
        ::close(fd);
    } else {
        error = common::writeSyncClose(fd, text);
    }
    if (error != 0) {
        ::unlink(path.c_str());
        failFile(path, "write", error);
    }
}

// After rename(2) the directory entry itself must reach the disk too.
void syncDirectory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Removes the prepared configuration unless it was renamed into place.
struct TempFileGuard {
    std::string path;
    bool keep = false;
    ~TempFileGuard() {
        if (!keep) {
            ::unlink(path.c_str());
        }
    }
};

std::string summaryJson(const store::LinkKeyRekeyResult& result, const std::string& keyId,
                        const std::vector<config::KeyRef>& previous, double seconds) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    json.Key("rekeyed");
    json.Int64(result.rekeyed);
    json.Key("key_id");
    json.String(keyId);
    json.Key("previous");
    json.StartArray();
    for (const auto& key : previous) {
        json.String(key.id);
    }
    json.EndArray();
    json.Key("resumed");
    json.Bool(result.resumed);
    json.Key("elapsed_seconds");
    json.Double(std::round(seconds * 1000.0) / 1000.0);
    json.EndObject();
    return buffer.GetString();
}

}  // namespace

int runRekey(const Args& args) {
    const auto started = std::chrono::steady_clock::now();
    Arguments arguments(args, {"config", "new-key-file", "new-key-id"}, {});
    const std::string configPath = arguments.require("config");
    const std::string newKeyPath = fs::absolute(arguments.require("new-key-file")).string();
    const std::string newKeyId = arguments.require("new-key-id");
    if (!std::regex_match(newKeyId, kKeyIdPattern)) {
        throw UsageError("--new-key-id must be 1 to 40 of A-Z a-z 0-9 . _ -");
    }

    // Everything that can refuse runs before the store is opened, so a refusal changes nothing.
    const config::HubConfig config = config::loadHubConfig(configPath);
    for (const auto& key : config.keyChain) {
        if (key.id == newKeyId) {
            throw std::runtime_error("key id " + newKeyId + " is already in the key chain of " +
                                     config.file + " (identity.key_id or previous_keys); give the "
                                     "new key an id never used before");
        }
    }
    const identity::PseudonymKey newKey = identity::loadKeyFile(newKeyPath, newKeyId);
    for (const auto& key : config.keyChain) {
        // A "new" key with an old secret would rotate nothing; compared in memory, never printed.
        if (identity::loadKeyFile(key.file, key.id).secret == newKey.secret) {
            throw std::runtime_error("key file " + newKeyPath + " holds the same secret as key "
                                     "id " + key.id + " (" + key.file + "); generate a new one");
        }
    }
    HubRuntime runtime(configPath, StoreKeyCheck::kSkip);
    const config::HubConfig& current = runtime.config;

    // The new hub.json is written and loaded back before the store changes: once the keys are
    // rewritten, only a rename is left to do. A symlinked hub.json keeps its link: the file it
    // points to is the one replaced.
    const std::string target = fs::canonical(current.file).string();
    struct stat info {};
    if (::stat(target.c_str(), &info) != 0) {
        failFile(target, "stat", errno);
    }
    TempFileGuard prepared{target + ".tmp"};
    writeDurably(prepared.path,
                 rotatedConfigText(current, keyFileValue(current, newKeyPath), newKeyId), info);
    const config::HubConfig rotated = config::loadHubConfig(prepared.path);

    const identity::Pseudonymizer step(newKey);
    const auto result = store::rekeyLinkKeys(
        *runtime.database, current.keyId, newKeyId,
        [&step](const std::string& value) { return step.mac(value); });  // HMAC(new, old value)

    if (::rename(prepared.path.c_str(), target.c_str()) != 0) {
        const int error = errno;
        prepared.keep = true;
        throw std::runtime_error("the store is re-keyed to " + newKeyId + " but " + target +
                                 " could not be replaced (" + std::strerror(error) + "): move " +
                                 prepared.path + " to " + target + " before starting again");
    }
    prepared.keep = true;
    syncDirectory(fs::path(target).parent_path().string());

    std::vector<config::KeyRef> previous(rotated.keyChain.begin(), rotated.keyChain.end() - 1);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << summaryJson(result, newKeyId, previous, seconds) << std::endl;
    return 0;
}

}  // namespace finsam::app
