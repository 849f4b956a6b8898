// connectors/fk-fixed/src/field_syntax.h — the few value shapes of a fixed-width line.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace finsam::connectors::fk_fixed {

/// Non-empty and only ASCII digits.
bool allDigits(std::string_view text);

/// Empty or only spaces (the spec's padding).
bool allSpaces(std::string_view text);

/// No byte above 0x7F: ISO-8859-1 and UTF-8 agree, so no conversion is needed.
bool isAscii(std::string_view text);

/// Zero-padded digits as a number ("000000000300" -> 300); nullopt for anything else.
std::optional<std::int64_t> parseCount(std::string_view text);

/// YYYYMMDD as a real calendar date in ISO form ("20181019" -> "2018-10-19"); nullopt otherwise.
std::optional<std::string> isoFromCompactDate(std::string_view text);

/// ISO-8859-1 bytes as UTF-8 (toolkit), skipping the conversion for ASCII, as nearly every line is.
std::string latin1ToUtf8(std::string_view text);

}  // namespace finsam::connectors::fk_fixed
