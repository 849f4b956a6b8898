// tests/partner_server/query_string.cpp — a malformed escape is kept literally, as lenient servers do.
// SPDX-License-Identifier: Apache-2.0
#include "query_string.h"

#include <charconv>

namespace finsam::testing::partner {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::string decode(std::string_view text, bool plusIsSpace) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int high = hexDigit(text[i + 1]);
            const int low = hexDigit(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out.push_back(static_cast<char>(high * 16 + low));
                i += 2;
                continue;
            }
        }
        out.push_back(plusIsSpace && c == '+' ? ' ' : c);
    }
    return out;
}

}  // namespace

QueryParameters parseQuery(std::string_view text, bool plusIsSpace) {
    QueryParameters parameters;
    while (!text.empty()) {
        const std::size_t end = text.find('&');
        const std::string_view pair = text.substr(0, end);
        if (!pair.empty()) {
            const std::size_t equals = pair.find('=');
            const std::string_view name = pair.substr(0, equals);
            const std::string_view value = equals == std::string_view::npos ? "" : pair.substr(equals + 1);
            parameters.emplace_back(decode(name, plusIsSpace), decode(value, plusIsSpace));
        }
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
    return parameters;
}

std::optional<std::string> firstValue(const QueryParameters& parameters, std::string_view name) {
    for (const auto& [parameter, value] : parameters) {
        if (parameter == name) {
            return value;
        }
    }
    return std::nullopt;
}

std::optional<long long> parseBoundedInteger(std::string_view text, long long minimum, long long maximum) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < minimum ||
        value > maximum) {
        return std::nullopt;
    }
    return value;
}

}  // namespace finsam::testing::partner
