// tests/partner_server/kommun_cursor.cpp — 32 bits of position and 32 bits of check, masked by the
// endpoint, so a cursor of one endpoint is no cursor of the other.
// SPDX-License-Identifier: Apache-2.0
#include "kommun_cursor.h"

#include <charconv>
#include <cstdint>
#include <cstdio>

namespace finsam::testing::partner {

namespace {

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (const char c : text) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    }
    return hash;
}

// splitmix64's finaliser: every input bit moves every output bit.
std::uint64_t mix(std::uint64_t x) {
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

std::uint32_t checkOf(std::uint64_t key, std::uint64_t position) {
    return static_cast<std::uint32_t>(mix(key ^ (position * 0x9e3779b97f4a7c15ull)));
}

}  // namespace

std::string encodeCursor(std::string_view endpoint, std::size_t position) {
    const std::uint64_t key = fnv1a(endpoint);
    const std::uint64_t raw = (static_cast<std::uint64_t>(position) << 32) | checkOf(key, position);
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(raw ^ mix(key)));
    return text;
}

std::optional<std::size_t> decodeCursor(std::string_view endpoint, std::string_view cursor) {
    if (cursor.size() != 16) {
        return std::nullopt;
    }
    std::uint64_t sealed = 0;
    const auto [end, error] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), sealed, 16);
    if (error != std::errc{} || end != cursor.data() + cursor.size()) {
        return std::nullopt;
    }
    const std::uint64_t key = fnv1a(endpoint);
    const std::uint64_t raw = sealed ^ mix(key);
    const std::uint64_t position = raw >> 32;
    if (static_cast<std::uint32_t>(raw) != checkOf(key, position)) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(position);
}

}  // namespace finsam::testing::partner
