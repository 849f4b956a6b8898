// plugins/http-client/src/connection_settings.cpp — base_url, secrets, tls, timeouts and retries from settings.
// SPDX-License-Identifier: Apache-2.0
#include "finsam/http_client/connection_settings.h"

#include <rapidjson/document.h>

#include <chrono>
#include <filesystem>

namespace finsam::http_client {

namespace {

namespace fs = std::filesystem;

using Value = rapidjson::Value;

const Value* member(const Value& object, const char* name) {
    const auto it = object.FindMember(name);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

void readInt(const Value& object, const char* name, const std::string& pointer, int low, int high, int& out,
             std::vector<std::string>& problems) {
    const Value* value = member(object, name);
    if (value == nullptr) {
        return;
    }
    if (!value->IsInt() || value->GetInt() < low || value->GetInt() > high) {
        problems.push_back(pointer + ": an integer from " + std::to_string(low) + " to " + std::to_string(high));
        return;
    }
    out = value->GetInt();
}

std::optional<std::string> readBaseUrl(const Value& settings, std::vector<std::string>& problems) {
    const Value* base = member(settings, "base_url");
    std::string url = base != nullptr && base->IsString() ? base->GetString() : "";
    const auto hostStart = url.find("://");
    const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    const bool host = scheme && hostStart + 3 < url.size() && url[hostStart + 3] != '/';
    if (!host || url.find_first_of("?# ") != std::string::npos) {
        problems.emplace_back("/base_url: required, an http(s) URL with a host and no query");
        return std::nullopt;
    }
    while (url.back() == '/') {
        url.pop_back();
    }
    return url;
}

// {"env": NAME} or {"file": path}: exactly one (secret_source.schema.json).
SecretSource readSource(const Value& settings, const std::string& name, std::vector<std::string>& problems) {
    const std::string pointer = "/" + name;
    const Value* value = member(settings, name.c_str());
    SecretSource source;
    if (value == nullptr || !value->IsObject()) {
        problems.push_back(pointer + ": required, {\"env\": \"NAME\"} or {\"file\": \"path\"}");
        return source;
    }
    const Value* env = member(*value, "env");
    const Value* file = member(*value, "file");
    if ((env == nullptr) == (file == nullptr) || (env != nullptr && !env->IsString()) ||
        (file != nullptr && !file->IsString())) {
        problems.push_back(pointer + ": exactly one of env or file, as a string");
        return source;
    }
    source.env = env != nullptr ? env->GetString() : "";
    source.file = file != nullptr ? file->GetString() : "";
    return source;
}

void readTls(const Value& settings, const std::string& configDir, TlsOptions& out,
             std::vector<std::string>& problems) {
    const Value* tls = member(settings, "tls");
    if (tls == nullptr) {
        return;
    }
    if (!tls->IsObject()) {
        problems.emplace_back("/tls: an object");
        return;
    }
    if (const Value* ca = member(*tls, "ca_file"); ca != nullptr) {
        if (!ca->IsString() || ca->GetStringLength() == 0) {
            problems.emplace_back("/tls/ca_file: a file name");
        } else {
            fs::path path(ca->GetString());
            out.caFile = (path.is_absolute() ? path : fs::path(configDir) / path).string();
        }
    }
    if (const Value* verify = member(*tls, "verify"); verify != nullptr) {
        if (!verify->IsBool()) {
            problems.emplace_back("/tls/verify: true or false");
        } else {
            out.verify = verify->GetBool();
        }
    }
}

void readTimeoutsAndRetries(const Value& settings, ClientOptions& out, std::vector<std::string>& problems) {
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    int connect = 10, request = 60, attempts = 5, baseMs = 500, maxDelay = 30, maxRetryAfter = 300, max429 = 20;
    if (const Value* timeouts = member(settings, "timeouts"); timeouts != nullptr && timeouts->IsObject()) {
        readInt(*timeouts, "connect_seconds", "/timeouts/connect_seconds", 1, 300, connect, problems);
        readInt(*timeouts, "request_seconds", "/timeouts/request_seconds", 1, 600, request, problems);
    }
    if (const Value* retries = member(settings, "retries"); retries != nullptr && retries->IsObject()) {
        readInt(*retries, "max_attempts", "/retries/max_attempts", 1, 20, attempts, problems);
        readInt(*retries, "base_delay_ms", "/retries/base_delay_ms", 1, 60000, baseMs, problems);
        readInt(*retries, "max_delay_seconds", "/retries/max_delay_seconds", 1, 600, maxDelay, problems);
        readInt(*retries, "max_retry_after_seconds", "/retries/max_retry_after_seconds", 1, 3600, maxRetryAfter,
                problems);
        readInt(*retries, "max_429_waits", "/retries/max_429_waits", 0, 100, max429, problems);
    }
    out.connectTimeout = seconds(connect);
    out.timeout = seconds(request);
    out.retry.maxAttempts = attempts;
    out.retry.baseDelay = milliseconds(baseMs);
    out.retry.maxDelay = seconds(maxDelay);
    out.retry.maxRetryAfter = seconds(maxRetryAfter);
    out.retry.max429 = max429;
}

}  // namespace

std::optional<ConnectionSettings> readConnectionSettings(const std::string& settingsJson,
                                                         const std::string& configDir,
                                                         const std::vector<std::string>& secretNames,
                                                         const std::string& userAgent,
                                                         std::vector<std::string>& problems) {
    rapidjson::Document document;
    if (document.Parse(settingsJson.c_str()).HasParseError() || !document.IsObject()) {
        problems.emplace_back("/: settings are not a JSON object");
        return std::nullopt;
    }
    const std::size_t before = problems.size();
    ConnectionSettings settings;
    if (auto url = readBaseUrl(document, problems)) {
        settings.baseUrl = *url;
    }
    for (const auto& name : secretNames) {
        settings.secrets[name] = readSource(document, name, problems);
    }
    readTls(document, configDir, settings.client.tls, problems);
    readTimeoutsAndRetries(document, settings.client, problems);
    settings.client.userAgent = userAgent;
    if (problems.size() != before) {
        return std::nullopt;
    }
    return settings;
}

std::vector<std::string> checkConnection(const ConnectionSettings& settings, const std::string& configDir,
                                         const std::map<std::string, std::size_t>& minimumBytes) {
    std::vector<std::string> problems;
    for (const auto& [name, source] : settings.secrets) {
        try {
            const std::string value = readSecret(source, configDir);  // names where it lives, never shows it
            auto minimum = minimumBytes.find(name);
            if (minimum != minimumBytes.end() && value.size() < minimum->second) {
                problems.push_back("/" + name + ": must be at least " + std::to_string(minimum->second) +
                                   " bytes");
            }
        } catch (const std::exception& e) {
            problems.push_back("/" + name + ": " + e.what());
        }
    }
    std::error_code error;
    if (!settings.client.tls.caFile.empty() && !fs::is_regular_file(settings.client.tls.caFile, error)) {
        problems.push_back("/tls/ca_file: " + settings.client.tls.caFile + " is not a readable file");
    }
    return problems;
}

}  // namespace finsam::http_client
