// plugins/sdk/toolkit/text_encoding.h — byte-order marks, UTF-8 validation and 8-bit charsets to
// UTF-8.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace finsam::sdk::toolkit {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool hasUtf8Bom(std::string_view text);

/// `text` without a leading UTF-8 byte-order mark (unchanged when it has none).
std::string_view stripUtf8Bom(std::string_view text);

/// Where a buffer stops being UTF-8: byte offset and 1-based physical line (CRLF, LF or CR end a
/// line).
struct Utf8Error {
    std::size_t offset = 0;
    std::int64_t line = 0;
};

/// The first ill-formed sequence in `text` (Unicode §3.9 table 3-7: no overlong forms, no
/// surrogates, nothing above U+10FFFF), or nullopt when `text` is well-formed UTF-8.
std::optional<Utf8Error> findInvalidUtf8(std::string_view text);

bool isValidUtf8(std::string_view text);

/// The 1-based physical line holding byte `offset` of `text`.
std::int64_t lineOfOffset(std::string_view text, std::size_t offset);

enum class Charset { kUtf8, kWindows1252, kLatin1 };

/// Converts `text` from `from` to UTF-8 (kUtf8 returns it unchanged). The five bytes Windows-1252
/// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 controls U+0081 etc., as Poco and
/// the WHATWG encoding standard map them; nothing is lost or replaced.
std::string toUtf8(std::string_view text, Charset from);

}  // namespace finsam::sdk::toolkit
