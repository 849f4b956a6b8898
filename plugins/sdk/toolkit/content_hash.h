// plugins/sdk/toolkit/content_hash.h — SHA-256 over several byte strings, for "have I read this
// already?".
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace finsam::sdk::toolkit {

/// Hashes a sequence of parts. Each part is length-prefixed, so ("ab","c") and ("a","bc") differ.
/// Not thread-safe.
class ContentHash {
public:
    ContentHash();
    ~ContentHash();
    ContentHash(const ContentHash&) = delete;
    ContentHash& operator=(const ContentHash&) = delete;

    void add(std::string_view part);
    /// Lowercase hex SHA-256 of everything added; the hash starts over afterwards.
    std::string hexDigest();

private:
    struct Engine;
    std::unique_ptr<Engine> engine_;
};

/// Lowercase hex SHA-256 of `data` (no length prefix).
std::string sha256Hex(std::string_view data);

}  // namespace finsam::sdk::toolkit
