// plugins/http-client/include/finsam/http_client/secrets.h — reading a secret a connector config points at.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace finsam::http_client {

/// A connector config names where a secret lives, never the value: {"env": "NAME"} or {"file": "path"}.
/// Exactly one is set. The JSON Schema for it is plugins/http-client/secret_source.schema.json.
struct SecretSource {
    std::string env;
    std::string file;
};

/// The secret, without surrounding whitespace or a final newline. `file` is relative to `baseDir` unless
/// absolute. Throws std::runtime_error naming the variable or file (never its content) when it is missing,
/// unreadable or empty, or when the source names neither or both.
std::string readSecret(const SecretSource& source, const std::string& baseDir);

}  // namespace finsam::http_client
