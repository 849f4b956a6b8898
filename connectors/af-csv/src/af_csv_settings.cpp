// connectors/af-csv/src/af_csv_settings.cpp — settings per schema.json, paths resolved per Context.
// SPDX-License-Identifier: Apache-2.0
#include "af_csv_settings.h"

#include <rapidjson/document.h>

namespace finsam::connectors::af_csv {

namespace fs = std::filesystem;

std::optional<Settings> parseSettings(const std::string& settingsJson, const std::string& configDir,
                                      std::vector<std::string>& problems) {
    rapidjson::Document document;
    if (document.Parse(settingsJson.c_str()).HasParseError() || !document.IsObject()) {
        problems.emplace_back("/: settings are not a JSON object");
        return std::nullopt;
    }
    Settings settings;
    const auto dropDir = document.FindMember("drop_dir");
    if (dropDir == document.MemberEnd() || !dropDir->value.IsString() || dropDir->value.GetStringLength() == 0) {
        problems.emplace_back("/drop_dir: required, a non-empty string");
    } else {
        fs::path path(dropDir->value.GetString());
        settings.dropDir = (path.is_relative() && !configDir.empty() ? fs::path(configDir) / path : path)
                               .lexically_normal();
    }
    const auto orgnr = document.FindMember("forbund_orgnr");
    if (orgnr == document.MemberEnd() || !orgnr->value.IsString() || orgnr->value.GetStringLength() != 10 ||
        std::string(orgnr->value.GetString()).find_first_not_of("0123456789") != std::string::npos) {
        problems.emplace_back("/forbund_orgnr: required, the förbund's 10-digit organisationsnummer");
    } else {
        settings.forbundOrgnr = orgnr->value.GetString();
    }
    const auto months = document.FindMember("aged_out_months");
    if (months != document.MemberEnd()) {
        if (!months->value.IsInt() || months->value.GetInt() < 1 || months->value.GetInt() > 120) {
            problems.emplace_back("/aged_out_months: an integer from 1 to 120");
        } else {
            settings.agedOutMonths = months->value.GetInt();
        }
    }
    const auto shrink = document.FindMember("accept_shrink");
    if (shrink != document.MemberEnd()) {
        if (!shrink->value.IsBool()) {
            problems.emplace_back("/accept_shrink: true or false");
        } else {
            settings.acceptShrink = shrink->value.GetBool();
        }
    }
    if (!problems.empty()) {
        return std::nullopt;
    }
    return settings;
}

std::vector<std::string> checkSettings(const std::string& settingsJson, const std::string& configDir) {
    std::vector<std::string> problems;
    auto settings = parseSettings(settingsJson, configDir, problems);
    if (!settings) {
        return problems;
    }
    std::error_code error;
    const auto status = fs::status(settings->dropDir, error);
    if (!fs::exists(status)) {
        problems.push_back("/drop_dir: " + settings->dropDir.string() + " does not exist");
    } else if (!fs::is_directory(status)) {
        problems.push_back("/drop_dir: " + settings->dropDir.string() + " is not a directory");
    }
    return problems;
}

}  // namespace finsam::connectors::af_csv
