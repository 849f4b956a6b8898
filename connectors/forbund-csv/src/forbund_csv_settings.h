// connectors/forbund-csv/src/forbund_csv_settings.h — the instance `settings` object as a typed
// struct.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace finsam::connectors::forbund_csv {

inline constexpr const char* kDefaultMarker = "KLAR";

struct Settings {
    std::filesystem::path dropDir;  ///< resolved: relative drop_dir is taken from the config dir
    std::string marker = kDefaultMarker;
};

/// Reads `settingsJson` (already schema-checked by the host, but checked again: open() may be
/// called directly). Problems are "/json/pointer: reason"; nullopt when there is any.
std::optional<Settings> parseSettings(const std::string& settingsJson, const std::string& configDir,
                                      std::vector<std::string>& problems);

/// What the schema cannot say: the folder exists and is a directory, the marker is no sheet's name.
std::vector<std::string> checkSettings(const std::string& settingsJson,
                                       const std::string& configDir);

}  // namespace finsam::connectors::forbund_csv
