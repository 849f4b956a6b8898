// connectors/fk-fixed/src/header_trailer.h — fk-fixed.md "Records": the header and trailer lines.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace finsam::connectors::fk_fixed {

struct Header {
    std::string sender;   ///< organisationsnummer, ten digits
    std::string created;  ///< YYYYMMDDhhmmss
    std::int64_t batch = 0;
    std::string receiver;  ///< the förbund's organisationsnummer, ten digits
};

struct Trailer {
    std::int64_t detailCount = 0;
    std::int64_t omfattningSum = 0;
};

/// A 100-character line starting with 'H' as a Header, or nullopt with `reason` naming the first
/// malformed field (never its value: the numbers in a header are ten-digit organisationsnummer).
std::optional<Header> readHeader(std::string_view line, std::string& reason);

/// A 100-character line starting with 'T' as a Trailer, or nullopt with `reason`.
std::optional<Trailer> readTrailer(std::string_view line, std::string& reason);

/// The header of a file from its first kLineLength bytes only, so files can be ordered (and
/// duplicates skipped) before they are read; nullopt when those bytes are no well-formed header.
std::optional<Header> peekHeader(std::string_view firstBytes);

}  // namespace finsam::connectors::fk_fixed
