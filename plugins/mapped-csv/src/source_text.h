// plugins/mapped-csv/src/source_text.h — a file's bytes to UTF-8 text, refusing to guess an
// encoding.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "text_encoding.h"

namespace finsam::connectors::mapped_csv {

/// The file's text as UTF-8 without a byte-order mark, or nullopt with `failure` saying why (no
/// cell content, only line numbers). utf-8: an optional BOM, then well-formed UTF-8 throughout.
/// windows-1252 / iso-8859-1: converted, unless the file is actually UTF-8 (a BOM, or any
/// well-formed multi-byte sequence such as "Ã¥"), which af-csv.md asks to reject whole: guessing
/// would corrupt names.
std::optional<std::string> decodeSource(std::string_view bytes, sdk::toolkit::Charset charset,
                                        std::string& failure);

/// Byte offset of the first well-formed UTF-8 multi-byte sequence in `bytes`, if any.
std::optional<std::size_t> findUtf8MultiByteSequence(std::string_view bytes);

/// "utf-8", "windows-1252" or "iso-8859-1", as the settings spell it.
std::string_view charsetName(sdk::toolkit::Charset charset);

}  // namespace finsam::connectors::mapped_csv
