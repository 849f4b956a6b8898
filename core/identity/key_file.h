// core/identity/key_file.h — loads the pseudonymisation secret and refuses an unsafe one.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace finsam::identity {

/// The HMAC secret with its id (stored beside every link key so keys can be rotated).
struct PseudonymKey {
    std::string id;
    std::string secret;  ///< raw bytes; never logged
};

/// Reads the key file at `path`. Throws std::runtime_error naming the path and the reason when the
/// file is missing, not a regular file, accessible by anyone but its owner (any of mode 0077 set), or
/// shorter than 32 bytes after surrounding whitespace (including a final "\n" or "\r\n") is
/// stripped. The trimmed text is the secret as is (not hex-decoded). The message never contains key
/// material.
PseudonymKey loadKeyFile(const std::string& path, const std::string& keyId);

/// Strips surrounding whitespace (including a final newline) from a secret read from a file or environment.
std::string trimSecret(std::string value);

/// Creates a new key file with `bytes` random bytes (hex-encoded, so 2*bytes characters), mode 0600.
/// Throws if the file exists.
void writeNewKeyFile(const std::string& path, int bytes = 32);

}  // namespace finsam::identity
