// connectors/region-fhir/src/region_fhir_settings.cpp — settings per schema.json.
// SPDX-License-Identifier: Apache-2.0
#include "region_fhir_settings.h"

#include <filesystem>

#include <rapidjson/document.h>

#include "fhir_time.h"
#include "search_query.h"

namespace finsam::connectors::region_fhir {

namespace fs = std::filesystem;

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

void readToken(const Value& document, Settings& settings, std::vector<std::string>& problems) {
    const Value* token = find(document, "token");
    if (token == nullptr || !token->IsObject()) {
        problems.emplace_back("/token: required, {\"env\": NAME} or {\"file\": path} (never the token itself)");
        return;
    }
    settings.token = {readString(*token, "env"), readString(*token, "file")};
    if (settings.token.env.empty() == settings.token.file.empty() || token->MemberCount() != 1) {
        problems.emplace_back("/token: exactly one of env or file");
    }
}

void readTls(const Value& document, const std::string& configDir, Settings& settings,
             std::vector<std::string>& problems) {
    const Value* tls = find(document, "tls");
    if (tls == nullptr) {
        return;
    }
    if (!tls->IsObject()) {
        problems.emplace_back("/tls: an object {ca_file, verify}");
        return;
    }
    if (const std::string caFile = readString(*tls, "ca_file"); !caFile.empty()) {
        fs::path path(caFile);
        settings.caFile = (path.is_absolute() ? path : fs::path(configDir) / path).lexically_normal().string();
    }
    if (const Value* verify = find(*tls, "verify")) {
        if (!verify->IsBool()) {
            problems.emplace_back("/tls/verify: true or false");
        } else {
            settings.verifyTls = verify->GetBool();
        }
    }
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
    Settings settings;
    settings.baseUrl = readString(document, "base_url");
    while (!settings.baseUrl.empty() && settings.baseUrl.back() == '/') {
        settings.baseUrl.pop_back();
    }
    if (!originOf(settings.baseUrl) || settings.baseUrl.find_first_of("?# ") != std::string::npos) {
        problems.emplace_back("/base_url: required, an http:// or https:// URL with a host and no query");
    }
    readToken(document, settings, problems);
    readTls(document, configDir, settings, problems);
    readInt(document, "", "page_size", 1, 1000, settings.pageSize, problems);
    if (const Value* timeouts = find(document, "timeouts"); timeouts != nullptr && timeouts->IsObject()) {
        readInt(*timeouts, "/timeouts", "connect_seconds", 1, 300, settings.connectTimeoutSeconds, problems);
        readInt(*timeouts, "/timeouts", "request_seconds", 1, 600, settings.requestTimeoutSeconds, problems);
    }
    if (const Value* retries = find(document, "retries"); retries != nullptr && retries->IsObject()) {
        readInt(*retries, "/retries", "max_attempts", 1, 20, settings.maxAttempts, problems);
        readInt(*retries, "/retries", "base_delay_ms", 1, 60000, settings.retryBaseDelayMs, problems);
        readInt(*retries, "/retries", "max_delay_seconds", 1, 600, settings.retryMaxDelaySeconds, problems);
        readInt(*retries, "/retries", "max_retry_after_seconds", 1, 3600, settings.maxRetryAfterSeconds, problems);
    }
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
    auto settings = parseSettings(settingsJson, configDir, problems);
    if (!settings) {
        return problems;
    }
    std::error_code error;
    if (!settings->caFile.empty() && !fs::is_regular_file(settings->caFile, error)) {
        problems.emplace_back("/tls/ca_file: " + settings->caFile + " is not a readable file");
    }
    return problems;
}

}  // namespace finsam::connectors::region_fhir
