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

/// Compares two strings in time independent of where they differ (for token hashes).
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace finsam::common
