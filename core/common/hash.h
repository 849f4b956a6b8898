// core/common/hash.h — SHA-256 and HMAC-SHA256 hex and random tokens, the one way the hub makes them (Poco).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace finsam::common {

/// Lowercase hex SHA-256 of `data`.
std::string sha256Hex(std::string_view data);

/// Lowercase hex HMAC-SHA256 (RFC 2104) under `key` of the concatenation of `parts`. The message is given in
/// parts so a caller never has to copy a sensitive value (a clear number, a whole request body) into a joined
/// string. Thread-safe: a fresh engine per call.
std::string hmacSha256Hex(std::string_view key, std::initializer_list<std::string_view> parts);

/// Lowercase hex HMAC-SHA256 under `key` of `data`.
inline std::string hmacSha256Hex(std::string_view key, std::string_view data) {
    return hmacSha256Hex(key, {data});
}

/// `bytes` random bytes from the OS, hex-encoded (2*bytes characters).
std::string randomHex(int bytes);

/// `bytes` random bytes from the OS as letters 'a'..'p' (one per nibble, 2*bytes characters). For keys that
/// appear in logs and documents: with no digits they can never be mistaken for, or redacted as, a personnummer.
std::string randomLetters(int bytes);

/// Compares two strings in time independent of where they differ (for token hashes).
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace finsam::common
