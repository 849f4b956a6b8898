// core/common/hash.h — SHA-256 hex and random tokens, the one way the hub makes them (Poco).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace finsam::common {

/// Lowercase hex SHA-256 of `data`.
std::string sha256Hex(std::string_view data);

/// `bytes` random bytes from the OS, hex-encoded (2*bytes characters).
std::string randomHex(int bytes);

/// `bytes` random bytes from the OS as letters 'a'..'p' (one per nibble, 2*bytes characters). For keys that
/// appear in logs and documents: with no digits they can never be mistaken for, or redacted as, a personnummer.
std::string randomLetters(int bytes);

/// Compares two strings in time independent of where they differ (for token hashes).
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace finsam::common
