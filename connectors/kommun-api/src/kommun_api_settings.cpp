// connectors/kommun-api/src/kommun_api_settings.cpp — settings per schema.json, paths resolved per Context.
// SPDX-License-Identifier: Apache-2.0
#include "kommun_api_settings.h"

#include <rapidjson/document.h>

#include "finsam/http_client/connection_settings.h"

namespace finsam::connectors::kommun_api {

namespace {

using Object = rapidjson::Value;

const Object* member(const Object& object, const char* name) {
    const auto it = object.FindMember(name);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

constexpr const char* kJoinKey = "join_key";

}  // namespace

std::optional<Settings> parseSettings(const std::string& settingsJson, const std::string& configDir,
                                      std::vector<std::string>& problems) {
    // base_url, the secret sources, tls, timeouts and retries: read as every HTTP connector reads them.
    auto connection = http_client::readConnectionSettings(
        settingsJson, configDir, {"client_id", "client_secret", kJoinKey}, "finsam-hub kommun-api", problems);
    rapidjson::Document document;
    if (document.Parse(settingsJson.c_str()).HasParseError() || !document.IsObject()) {
        return std::nullopt;  // readConnectionSettings said so
    }
    Settings settings;
    if (const Object* scope = member(document, "scope"); scope != nullptr) {
        if (!scope->IsString()) {
            problems.emplace_back("/scope: a string");
        } else {
            settings.scope = scope->GetString();
        }
    }
    if (const Object* limit = member(document, "limit"); limit != nullptr) {
        if (!limit->IsInt() || limit->GetInt() < 1 || limit->GetInt() > 1000) {
            problems.emplace_back("/limit: an integer from 1 to 1000");
        } else {
            settings.limit = limit->GetInt();
        }
    }
    if (!connection || !problems.empty()) {
        return std::nullopt;
    }
    settings.baseUrl = connection->baseUrl;
    settings.clientId = connection->secrets.at("client_id");
    settings.clientSecret = connection->secrets.at("client_secret");
    settings.joinKey = connection->secrets.at(kJoinKey);
    settings.client = connection->client;
    return settings;
}

std::vector<std::string> checkSettings(const std::string& settingsJson, const std::string& configDir) {
    std::vector<std::string> problems;
    if (!parseSettings(settingsJson, configDir, problems)) {
        return problems;
    }
    auto connection = http_client::readConnectionSettings(
        settingsJson, configDir, {"client_id", "client_secret", kJoinKey}, "finsam-hub kommun-api", problems);
    return http_client::checkConnection(*connection, configDir, {{kJoinKey, kMinJoinKeyBytes}});
}

}  // namespace finsam::connectors::kommun_api
