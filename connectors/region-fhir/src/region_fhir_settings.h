// connectors/region-fhir/src/region_fhir_settings.h — the instance settings (schema.json), paths resolved.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace finsam::connectors::region_fhir {

/// Where the bearer token lives: exactly one of the two is set. Never the token itself.
struct SecretRef {
    std::string env;
    std::string file;  ///< as written; relative to the instance config's directory
};

struct Settings {
    std::string baseUrl;  ///< without a trailing '/'
    SecretRef token;
    std::string caFile;   ///< resolved against the config directory; "" = the system store
    bool verifyTls = true;
    int pageSize = 200;
    int connectTimeoutSeconds = 10;
    int requestTimeoutSeconds = 60;
    int maxAttempts = 5;
    int retryBaseDelayMs = 500;
    int retryMaxDelaySeconds = 30;
    int maxRetryAfterSeconds = 300;
    std::vector<std::string> hsaIds;  ///< empty = every managing organisation
    std::string startSince;           ///< FHIR instant; "" = from the beginning
    bool emitKontakt = false;         ///< rehabkoordinering = "kontakt"
};

/// Parses the settings object; problems are "/pointer: reason" lines. Types and ranges are the schema's
/// (the host checks it first); this reads what it needs and catches what a hand-made Settings might lack.
std::optional<Settings> parseSettings(const std::string& settingsJson, const std::string& configDir,
                                      std::vector<std::string>& problems);

/// parseSettings plus what the schema cannot say: base_url is an http(s) URL with a host, the token
/// source names exactly one of env/file, and the CA file exists when given.
std::vector<std::string> checkSettings(const std::string& settingsJson, const std::string& configDir);

}  // namespace finsam::connectors::region_fhir
