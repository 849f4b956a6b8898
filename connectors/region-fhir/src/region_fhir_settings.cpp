// connectors/region-fhir/src/region_fhir_settings.cpp — settings per schema.json.
// SPDX-License-Identifier: Apache-2.0
#include "region_fhir_settings.h"

#include <rapidjson/document.h>

#include "finsam/http_client/connection_settings.h"
#include "fhir_time.h"

namespace finsam::connectors::region_fhir {

namespace {

using Value = rapidjson::Value;

const Value* find(const Value& object, const char* name) {
    auto it = object.FindMember(name);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

// An optional integer member within [low, high]; problems name its pointer.
void readInt(const Value& object, const std::string& at, const char* name, int low, int high, int& out,
             std::vector<std::string>& problems) {
    const Value* value = find(object, name);
    if (value == nullptr) {
        return;
    }
    if (!value->IsInt() || value->GetInt() < low || value->GetInt() > high) {
        problems.push_back(at + "/" + name + ": an integer from " + std::to_string(low) + " to " +
                           std::to_string(high));
        return;
    }
    out = value->GetInt();
}

std::string readString(const Value& object, const char* name) {
    const Value* value = find(object, name);
    return value != nullptr && value->IsString() ? std::string(value->GetString(), value->GetStringLength()) : "";
}

void readHsaIds(const Value& document, Settings& settings, std::vector<std::string>& problems) {
    const Value* ids = find(document, "organisation_hsa_ids");
    if (ids == nullptr) {
        return;
    }
    if (!ids->IsArray() || ids->Empty()) {
        problems.emplace_back("/organisation_hsa_ids: a non-empty list of HSA-ids");
        return;
    }
    for (rapidjson::SizeType i = 0; i < ids->Size(); ++i) {
        if (!(*ids)[i].IsString() || (*ids)[i].GetStringLength() == 0) {
            problems.push_back("/organisation_hsa_ids/" + std::to_string(i) + ": a non-empty HSA-id");
            continue;
        }
        settings.hsaIds.emplace_back((*ids)[i].GetString(), (*ids)[i].GetStringLength());
    }
}

}  // namespace

std::optional<Settings> parseSettings(const std::string& settingsJson, const std::string& configDir,
                                      std::vector<std::string>& problems) {
    rapidjson::Document document;
    if (document.Parse(settingsJson.c_str()).HasParseError() || !document.IsObject()) {
        problems.emplace_back("/: settings are not a JSON object");
        return std::nullopt;
    }
    // base_url, the token source, tls, timeouts and retries: read as every HTTP connector reads them.
    auto connection =
        http_client::readConnectionSettings(settingsJson, configDir, {"token"}, "finsam-hub region-fhir", problems);
    Settings settings;
    if (connection) {
        settings.baseUrl = connection->baseUrl;
        settings.token = connection->secrets.at("token");
        settings.client = connection->client;
    }
    readInt(document, "", "page_size", 1, 1000, settings.pageSize, problems);
    readHsaIds(document, settings, problems);
    settings.startSince = readString(document, "start_since");
    if (find(document, "start_since") != nullptr && !parseInstant(settings.startSince)) {
        problems.emplace_back("/start_since: a FHIR instant, e.g. 2019-01-01T00:00:00+01:00");
    }
    const std::string rehab = readString(document, "rehabkoordinering");
    if (find(document, "rehabkoordinering") != nullptr && rehab != "skip" && rehab != "kontakt") {
        problems.emplace_back("/rehabkoordinering: skip or kontakt");
    }
    settings.emitKontakt = rehab == "kontakt";
    if (!problems.empty()) {
        return std::nullopt;
    }
    return settings;
}

std::vector<std::string> checkSettings(const std::string& settingsJson, const std::string& configDir) {
    std::vector<std::string> problems;
    if (!parseSettings(settingsJson, configDir, problems)) {
        return problems;
    }
    auto connection = http_client::readConnectionSettings(settingsJson, configDir, {"token"}, "finsam-hub region-fhir", problems);
    return http_client::checkConnection(*connection, configDir);
}

}  // namespace finsam::connectors::region_fhir
