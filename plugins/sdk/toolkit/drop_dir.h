// plugins/sdk/toolkit/drop_dir.h — the `drop_dir` setting every file connector has: read, resolved, checked.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <filesystem>
#include <string>
#include <vector>

namespace finsam::sdk::toolkit {

/// `settings`' "drop_dir", resolved against `configDir` (the instance config's directory) when relative.
/// An empty path, with "/drop_dir: …" added to `problems`, when it is missing or not a non-empty string.
std::filesystem::path readDropDir(const rapidjson::Value& settings, const std::string& configDir,
                                  std::vector<std::string>& problems);

/// Adds "/drop_dir: … does not exist" or "… is not a directory" to `problems` unless `dir` is a directory.
void checkDropDir(const std::filesystem::path& dir, std::vector<std::string>& problems);

}  // namespace finsam::sdk::toolkit
