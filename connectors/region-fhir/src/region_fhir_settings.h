// connectors/region-fhir/src/region_fhir_settings.h — the instance settings (schema.json), paths resolved.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "finsam/http_client/options.h"
#include "finsam/http_client/secrets.h"

namespace finsam::connectors::region_fhir {

struct Settings {
    std::string baseUrl;  ///< without a trailing '/'
    http_client::SecretSource token;  ///< where the bearer token lives; never the token itself
    http_client::ClientOptions client;  ///< TLS (ca_file resolved), timeouts, retry policy
    int pageSize = 200;
    std::vector<std::string> hsaIds;  ///< empty = every managing organisation
    std::string startSince;           ///< FHIR instant; "" = from the beginning
    bool emitKontakt = false;         ///< rehabkoordinering = "kontakt"
};

/// Parses the settings object; problems are "/pointer: reason" lines. Types and ranges are the schema's
/// (the host checks it first); this reads what it needs and catches what a hand-made Settings might lack.
std::optional<Settings> parseSettings(const std::string& settingsJson, const std::string& configDir,
                                      std::vector<std::string>& problems);

/// parseSettings plus what the schema cannot say: the token can be read (never shown) and the CA file exists.
std::vector<std::string> checkSettings(const std::string& settingsJson, const std::string& configDir);

}  // namespace finsam::connectors::region_fhir
