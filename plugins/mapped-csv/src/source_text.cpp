// plugins/mapped-csv/src/source_text.cpp — af-csv.md "Encoding and syntax": detect UTF-8, never
// guess.
// SPDX-License-Identifier: Apache-2.0
#include "source_text.h"

namespace finsam::connectors::mapped_csv {

namespace tk = sdk::toolkit;

namespace {

// Length a lead byte announces (Unicode table 3-7), 0 for a byte that cannot lead a multi-byte one.
std::size_t announcedLength(unsigned char lead) {
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
}

}  // namespace

std::string_view charsetName(tk::Charset charset) {
    switch (charset) {
        case tk::Charset::kUtf8:
            return "utf-8";
        case tk::Charset::kWindows1252:
            return "windows-1252";
        case tk::Charset::kLatin1:
            return "iso-8859-1";
    }
    return "utf-8";
}

std::optional<std::size_t> findUtf8MultiByteSequence(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const std::size_t length = announcedLength(static_cast<unsigned char>(bytes[i]));
        if (length != 0 && i + length <= bytes.size() && tk::isValidUtf8(bytes.substr(i, length))) {
            return i;
        }
    }
    return std::nullopt;
}

std::optional<std::string> decodeSource(std::string_view bytes, tk::Charset charset,
                                        std::string& failure) {
    const std::string declared(charsetName(charset));
    if (charset == tk::Charset::kUtf8) {
        const auto text = tk::stripUtf8Bom(bytes);
        if (auto bad = tk::findInvalidUtf8(text)) {
            failure = "line " + std::to_string(bad->line) +
                      " is not valid UTF-8, but the settings say utf-8 (is the file Windows-1252?)";
            return std::nullopt;
        }
        return std::string(text);
    }
    if (tk::hasUtf8Bom(bytes)) {
        failure = "starts with a UTF-8 byte-order mark, but the settings say " + declared +
                  ": the file is UTF-8; it is not read rather than guessed";
        return std::nullopt;
    }
    if (auto at = findUtf8MultiByteSequence(bytes)) {
        failure =
            "line " + std::to_string(tk::lineOfOffset(bytes, *at)) +
            " holds a UTF-8 multi-byte sequence (such as 'Ã¥' for 'å'), but the settings say " +
            declared + ": the file is UTF-8; it is not read rather than guessed";
        return std::nullopt;
    }
    return tk::toUtf8(bytes, charset);
}

}  // namespace finsam::connectors::mapped_csv
