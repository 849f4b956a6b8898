// connectors/kommun-api/src/kommun_api_settings.cpp — settings per schema.json, paths resolved per Context.
// SPDX-License-Identifier: Apache-2.0
#include "kommun_api_settings.h"

#include <rapidjson/document.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>

namespace finsam::connectors::kommun_api {

namespace {

namespace fs = std::filesystem;

using Object = rapidjson::Value;

const Object* member(const Object& object, const char* name) {
    const auto it = object.FindMember(name);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

void readInt(const Object& object, const char* name, const std::string& pointer, int low, int high, int& out,
             std::vector<std::string>& problems) {
    const Object* value = member(object, name);
    if (value == nullptr) {
        return;
    }
    if (!value->IsInt() || value->GetInt() < low || value->GetInt() > high) {
        problems.push_back(pointer + ": an integer from " + std::to_string(low) + " to " + std::to_string(high));
        return;
    }
    out = value->GetInt();
}

// {"env": NAME} or {"file": path}: exactly one (http-client's secret_source.schema.json).
http_client::SecretSource readSource(const Object& settings, const char* name, std::vector<std::string>& problems) {
    const std::string pointer = std::string("/") + name;
    const Object* value = member(settings, name);
    http_client::SecretSource source;
    if (value == nullptr || !value->IsObject()) {
        problems.push_back(pointer + ": required, {\"env\": \"NAME\"} or {\"file\": \"path\"}");
        return source;
    }
    const Object* env = member(*value, "env");
    const Object* file = member(*value, "file");
    if ((env == nullptr) == (file == nullptr) || (env != nullptr && !env->IsString()) ||
        (file != nullptr && !file->IsString())) {
        problems.push_back(pointer + ": exactly one of env or file, as a string");
        return source;
    }
    source.env = env != nullptr ? env->GetString() : "";
    source.file = file != nullptr ? file->GetString() : "";
    return source;
}

void readTls(const Object& settings, const std::string& configDir, Settings& out,
             std::vector<std::string>& problems) {
    const Object* tls = member(settings, "tls");
    if (tls == nullptr) {
        return;
    }
    if (!tls->IsObject()) {
        problems.emplace_back("/tls: an object");
        return;
    }
    if (const Object* ca = member(*tls, "ca_file"); ca != nullptr) {
        if (!ca->IsString() || ca->GetStringLength() == 0) {
            problems.emplace_back("/tls/ca_file: a file name");
        } else {
            fs::path path(ca->GetString());
            out.client.tls.caFile = (path.is_absolute() ? path : fs::path(configDir) / path).string();
        }
    }
    if (const Object* verify = member(*tls, "verify"); verify != nullptr) {
        if (!verify->IsBool()) {
            problems.emplace_back("/tls/verify: true or false");
        } else {
            out.client.tls.verify = verify->GetBool();
        }
    }
}

void readTimeoutsAndRetries(const Object& settings, Settings& out, std::vector<std::string>& problems) {
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    int connect = 10, request = 60, attempts = 5, baseMs = 500, maxDelay = 30, maxRetryAfter = 300, max429 = 20;
    if (const Object* timeouts = member(settings, "timeouts"); timeouts != nullptr && timeouts->IsObject()) {
        readInt(*timeouts, "connect_seconds", "/timeouts/connect_seconds", 1, 300, connect, problems);
        readInt(*timeouts, "request_seconds", "/timeouts/request_seconds", 1, 600, request, problems);
    }
    if (const Object* retries = member(settings, "retries"); retries != nullptr && retries->IsObject()) {
        readInt(*retries, "max_attempts", "/retries/max_attempts", 1, 20, attempts, problems);
        readInt(*retries, "base_delay_ms", "/retries/base_delay_ms", 1, 60000, baseMs, problems);
        readInt(*retries, "max_delay_seconds", "/retries/max_delay_seconds", 1, 600, maxDelay, problems);
        readInt(*retries, "max_retry_after_seconds", "/retries/max_retry_after_seconds", 1, 3600, maxRetryAfter,
                problems);
        readInt(*retries, "max_429_waits", "/retries/max_429_waits", 0, 100, max429, problems);
    }
    out.client.connectTimeout = seconds(connect);
    out.client.timeout = seconds(request);
    out.client.retry.maxAttempts = attempts;
    out.client.retry.baseDelay = milliseconds(baseMs);
    out.client.retry.maxDelay = seconds(maxDelay);
    out.client.retry.maxRetryAfter = seconds(maxRetryAfter);
    out.client.retry.max429 = max429;
    out.client.userAgent = "finsam-hub kommun-api";
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
    const Object* base = member(document, "base_url");
    const std::string url = base != nullptr && base->IsString() ? base->GetString() : "";
    const auto hostStart = url.find("://");
    if ((url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) || hostStart + 3 >= url.size() ||
        url.find_first_of("?# ") != std::string::npos) {
        problems.emplace_back("/base_url: required, an http(s) URL with a host and no query");
    } else {
        settings.baseUrl = url;
        while (settings.baseUrl.back() == '/') {
            settings.baseUrl.pop_back();
        }
    }
    settings.clientId = readSource(document, "client_id", problems);
    settings.clientSecret = readSource(document, "client_secret", problems);
    settings.joinKey = readSource(document, "join_key", problems);
    if (const Object* scope = member(document, "scope"); scope != nullptr) {
        if (!scope->IsString()) {
            problems.emplace_back("/scope: a string");
        } else {
            settings.scope = scope->GetString();
        }
    }
    readInt(document, "limit", "/limit", 1, 1000, settings.limit, problems);
    readTls(document, configDir, settings, problems);
    readTimeoutsAndRetries(document, settings, problems);
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
    const std::pair<const char*, const http_client::SecretSource*> sources[] = {
        {"/client_id", &settings->clientId}, {"/client_secret", &settings->clientSecret},
        {"/join_key", &settings->joinKey}};
    for (const auto& [pointer, source] : sources) {
        try {
            const std::string value = http_client::readSecret(*source, configDir);  // names, never shows
            if (source == &settings->joinKey && value.size() < kMinJoinKeyBytes) {
                problems.push_back(std::string(pointer) + ": the join key must be at least " +
                                   std::to_string(kMinJoinKeyBytes) + " bytes");
            }
        } catch (const std::exception& e) {
            problems.push_back(std::string(pointer) + ": " + e.what());
        }
    }
    std::error_code error;
    if (!settings->client.tls.caFile.empty() && !fs::is_regular_file(settings->client.tls.caFile, error)) {
        problems.push_back("/tls/ca_file: " + settings->client.tls.caFile + " is not a readable file");
    }
    return problems;
}

}  // namespace finsam::connectors::kommun_api
