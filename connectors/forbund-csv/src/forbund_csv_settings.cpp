// connectors/forbund-csv/src/forbund_csv_settings.cpp — settings per schema.json, paths resolved
// per Context.
// SPDX-License-Identifier: Apache-2.0
#include "forbund_csv_settings.h"

#include <rapidjson/document.h>

#include "drop_dir.h"

#include <algorithm>

#include "sheet_columns.h"

namespace finsam::connectors::forbund_csv {

namespace fs = std::filesystem;

namespace {

// A marker is a file in the drop folder itself, never a sheet, and never a half-written *.tmp file.
bool isUsableMarker(const std::string& name) {
    const bool plain = !name.empty() && name.find('/') == std::string::npos &&
                       name.find('\\') == std::string::npos && name != "." && name != "..";
    const bool sheet = std::find(kSheetFiles.begin(), kSheetFiles.end(), name) != kSheetFiles.end();
    const bool partial = name.size() >= 4 && name.compare(name.size() - 4, 4, ".tmp") == 0;
    return plain && !sheet && !partial;
}

}  // namespace

std::optional<Settings> parseSettings(const std::string& settingsJson, const std::string& configDir,
                                      std::vector<std::string>& problems) {
    rapidjson::Document document;
    if (document.Parse(settingsJson.c_str()).HasParseError() || !document.IsObject()) {
        problems.emplace_back("/: settings are not a JSON object");
        return std::nullopt;
    }
    Settings settings;
    settings.dropDir = sdk::toolkit::readDropDir(document, configDir, problems);
    const auto marker = document.FindMember("marker");
    if (marker != document.MemberEnd()) {
        settings.marker = marker->value.IsString() ? marker->value.GetString() : "";
        if (!isUsableMarker(settings.marker)) {
            problems.emplace_back("/marker: must be a plain file name, not a sheet's, not *.tmp");
        }
    }
    if (!problems.empty()) {
        return std::nullopt;
    }
    return settings;
}

std::vector<std::string> checkSettings(const std::string& settingsJson,
                                       const std::string& configDir) {
    std::vector<std::string> problems;
    auto settings = parseSettings(settingsJson, configDir, problems);
    if (!settings) {
        return problems;
    }
    sdk::toolkit::checkDropDir(settings->dropDir, problems);
    return problems;
}

}  // namespace finsam::connectors::forbund_csv
