// connectors/kommun-api/src/kommun_api_settings.h — the instance settings (schema.json), paths resolved.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "finsam/http_client/options.h"
#include "finsam/http_client/secrets.h"

namespace finsam::connectors::kommun_api {

/// Shortest join key accepted: the same floor the hub sets for its pseudonymisation key.
inline constexpr std::size_t kMinJoinKeyBytes = 32;

struct Settings {
    std::string baseUrl;  ///< without a trailing '/'
    http_client::SecretSource clientId;
    http_client::SecretSource clientSecret;
    http_client::SecretSource joinKey;
    std::string scope = "finsam.read";
    int limit = 500;
    http_client::ClientOptions client;  ///< TLS (ca_file resolved), timeouts, retry policy
};

/// Parses the settings object; problems are "/pointer: reason" lines. Types and ranges are the schema's
/// (the host checks it first); this reads what it needs and catches what a hand-made Settings might lack.
std::optional<Settings> parseSettings(const std::string& settingsJson, const std::string& configDir,
                                      std::vector<std::string>& problems);

/// parseSettings plus what the schema cannot say: every secret source can be read (the join key is long
/// enough) and the CA file exists. Never repeats a secret's value.
std::vector<std::string> checkSettings(const std::string& settingsJson, const std::string& configDir);

}  // namespace finsam::connectors::kommun_api
