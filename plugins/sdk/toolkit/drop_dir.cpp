// plugins/sdk/toolkit/drop_dir.cpp — see drop_dir.h.
// SPDX-License-Identifier: Apache-2.0
#include "drop_dir.h"

namespace finsam::sdk::toolkit {

namespace fs = std::filesystem;

fs::path readDropDir(const rapidjson::Value& settings, const std::string& configDir,
                     std::vector<std::string>& problems) {
    const auto dropDir = settings.FindMember("drop_dir");
    if (dropDir == settings.MemberEnd() || !dropDir->value.IsString() || dropDir->value.GetStringLength() == 0) {
        problems.emplace_back("/drop_dir: required, a non-empty string");
        return {};
    }
    fs::path path(dropDir->value.GetString());
    return (path.is_relative() && !configDir.empty() ? fs::path(configDir) / path : path).lexically_normal();
}

void checkDropDir(const fs::path& dir, std::vector<std::string>& problems) {
    std::error_code error;
    const auto status = fs::status(dir, error);
    if (!fs::exists(status)) {
        problems.push_back("/drop_dir: " + dir.string() + " does not exist");
    } else if (!fs::is_directory(status)) {
        problems.push_back("/drop_dir: " + dir.string() + " is not a directory");
    }
}

}  // namespace finsam::sdk::toolkit
