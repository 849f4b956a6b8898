// connectors/af-csv/src/af_csv_settings.h — the instance settings (schema.json), paths resolved.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace finsam::connectors::af_csv {

struct Settings {
    std::filesystem::path dropDir;
    std::string forbundOrgnr;
    int agedOutMonths = 13;
    bool acceptShrink = false;
};

/// Parses the settings object; problems are "/pointer: reason" lines.
std::optional<Settings> parseSettings(const std::string& settingsJson, const std::string& configDir,
                                      std::vector<std::string>& problems);

/// parseSettings plus what the schema cannot say: the drop folder exists and is a directory.
std::vector<std::string> checkSettings(const std::string& settingsJson, const std::string& configDir);

}  // namespace finsam::connectors::af_csv
