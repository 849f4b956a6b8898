// connectors/af-csv/src/af_csv_settings.cpp — settings per schema.json, paths resolved per Context.
// SPDX-License-Identifier: Apache-2.0
#include "af_csv_settings.h"

#include <rapidjson/document.h>

#include "drop_dir.h"

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
    settings.dropDir = sdk::toolkit::readDropDir(document, configDir, problems);
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
    sdk::toolkit::checkDropDir(settings->dropDir, problems);
    return problems;
}

}  // namespace finsam::connectors::af_csv
