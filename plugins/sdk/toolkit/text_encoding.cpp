// plugins/sdk/toolkit/text_encoding.cpp — strict UTF-8 validation; 8-bit charsets through
// Poco::TextConverter.
// SPDX-License-Identifier: Apache-2.0
#include "text_encoding.h"

#include <Poco/Latin1Encoding.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows1252Encoding.h>

namespace finsam::sdk::toolkit {

namespace {

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// Length of the well-formed sequence starting at `i`, or 0 when it is ill-formed (Unicode table
// 3-7).
std::size_t sequenceLength(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;   // overlong
        high = lead == 0xED ? 0x9F : 0xBF;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;   // overlong
        high = lead == 0xF4 ? 0x8F : 0xBF;  // above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < low || second > high) {
        return 0;
    }
    for (std::size_t k = 2; k < length; ++k) {
        if (!isContinuation(static_cast<unsigned char>(text[i + k]))) {
            return 0;
        }
    }
    return length;
}

}  // namespace

bool hasUtf8Bom(std::string_view text) {
    return text.substr(0, kUtf8Bom.size()) == kUtf8Bom;
}

std::string_view stripUtf8Bom(std::string_view text) {
    return hasUtf8Bom(text) ? text.substr(kUtf8Bom.size()) : text;
}

std::optional<Utf8Error> findInvalidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = sequenceLength(text, i);
        if (length == 0) {
            return Utf8Error{i, lineOfOffset(text, i)};
        }
        i += length;
    }
    return std::nullopt;
}

bool isValidUtf8(std::string_view text) {
    return !findInvalidUtf8(text).has_value();
}

std::int64_t lineOfOffset(std::string_view text, std::size_t offset) {
    std::int64_t line = 1;
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++line;
        }
    }
    return line;
}

std::string toUtf8(std::string_view text, Charset from) {
    if (from == Charset::kUtf8) {
        return std::string(text);
    }
    static constexpr int kReplacementCharacter =
        0xFFFD;  // only for bytes an encoding cannot map at all
    Poco::UTF8Encoding utf8;
    Poco::Windows1252Encoding windows1252;
    Poco::Latin1Encoding latin1;
    const Poco::TextEncoding& source = from == Charset::kWindows1252
                                           ? static_cast<const Poco::TextEncoding&>(windows1252)
                                           : latin1;
    Poco::TextConverter converter(source, utf8, kReplacementCharacter);
    std::string result;
    converter.convert(text.data(), static_cast<int>(text.size()), result);
    return result;
}

}  // namespace finsam::sdk::toolkit
