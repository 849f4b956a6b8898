// plugins/http-client/include/finsam/http_client/connection_settings.h — the settings every HTTP connector
// shares, read one way: base_url, secret sources, tls, timeouts, retries (README.md, "Connector settings").
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "options.h"
#include "secrets.h"

namespace finsam::http_client {

struct ConnectionSettings {
    std::string baseUrl;  ///< http(s), with a host, no query, no trailing '/'
    ClientOptions client;  ///< tls (ca_file resolved against the config dir), timeouts, retry policy
    std::map<std::string, SecretSource> secrets;  ///< the secret sources asked for, by settings member name
};

/// Reads the shared members of a connector's settings object; every problem is "/pointer: reason".
/// `secretNames` are the members holding {"env": NAME} or {"file": path} (all required). Unknown members are
/// left to the connector (and its schema).
std::optional<ConnectionSettings> readConnectionSettings(const std::string& settingsJson,
                                                         const std::string& configDir,
                                                         const std::vector<std::string>& secretNames,
                                                         const std::string& userAgent,
                                                         std::vector<std::string>& problems);

/// What a schema cannot say: each secret can be read (the message names the variable or file, never the
/// value) and is at least `minimumBytes[name]` long where given, and the CA file exists.
std::vector<std::string> checkConnection(const ConnectionSettings& settings, const std::string& configDir,
                                         const std::map<std::string, std::size_t>& minimumBytes = {});

}  // namespace finsam::http_client
