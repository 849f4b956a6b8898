// tests/generator/text_encoding.cpp — UTF-8 text in the partners' 8-bit encodings (Poco).
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/text_encoding.h"

#include <Poco/Latin1Encoding.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows1252Encoding.h>

#include <stdexcept>

namespace finsam::generator {
namespace {

// Poco counts only undecodable input as an error and silently writes its default character for
// one the target lacks, so the result is converted back and compared.
std::string convert(std::string_view text, Poco::TextEncoding& target, const char* name) {
    Poco::UTF8Encoding utf8;
    std::string out;
    out.reserve(text.size());
    const int errors = Poco::TextConverter(utf8, target, 0)
                           .convert(text.data(), static_cast<int>(text.size()), out);
    std::string back;
    back.reserve(text.size());
    Poco::TextConverter(target, utf8, 0).convert(out.data(), static_cast<int>(out.size()), back);
    if (errors != 0 || back != text) {
        throw std::invalid_argument(std::string("text has characters outside ") + name);
    }
    return out;
}

}  // namespace

std::string toWindows1252(std::string_view text) {
    Poco::Windows1252Encoding encoding;
    return convert(text, encoding, "Windows-1252");
}

std::string toLatin1(std::string_view text) {
    Poco::Latin1Encoding encoding;
    return convert(text, encoding, "ISO-8859-1");
}

}  // namespace finsam::generator

namespace finsam::generator {

std::string fromLatin1(std::string_view bytes) {
    Poco::Latin1Encoding latin1;
    Poco::UTF8Encoding utf8;
    std::string out;
    Poco::TextConverter(latin1, utf8).convert(bytes.data(), static_cast<int>(bytes.size()), out);
    return out;
}

}  // namespace finsam::generator
