// tests/generator/text_encoding.h — UTF-8 text in the partners' 8-bit encodings.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace finsam::generator {

/// Windows-1252 bytes of UTF-8 `text` (AF). Throws std::invalid_argument when a character has no
/// Windows-1252 byte: the generator must never write a '?' in place of a letter.
std::string toWindows1252(std::string_view text);

/// ISO-8859-1 bytes of UTF-8 `text` (FK). Throws like toWindows1252.
std::string toLatin1(std::string_view text);

/// UTF-8 text of ISO-8859-1 `bytes` (every byte is a character, so this cannot fail).
std::string fromLatin1(std::string_view bytes);

}  // namespace finsam::generator
