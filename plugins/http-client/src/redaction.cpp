// plugins/http-client/src/redaction.cpp — the one redaction rule for every message of the HTTP layer.
// SPDX-License-Identifier: Apache-2.0
#include "finsam/http_client/redaction.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace finsam::http_client {

namespace {

constexpr std::string_view kRedacted = "[redacted]";

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool equalsIgnoringCase(std::string_view text, std::size_t at, std::string_view word) {
    if (at + word.size() > text.size()) {
        return false;
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) {
            return false;
        }
    }
    return true;
}

void replaceSecrets(std::string& text, std::vector<std::string> secrets) {
    // Longest first, so a secret that contains another is replaced whole.
    std::sort(secrets.begin(), secrets.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const auto& secret : secrets) {
        if (secret.empty()) {
            continue;
        }
        for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kRedacted.size())) {
            text.replace(at, secret.size(), kRedacted);
        }
    }
}

bool isTokenChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '~' ||
           c == '+' || c == '/' || c == '=';
}

// "Bearer <token>" in headers, logs and WWW-Authenticate echoes.
void redactBearerValues(std::string& text) {
    constexpr std::string_view kBearer = "bearer";
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (!equalsIgnoringCase(text, at, kBearer)) {
            continue;
        }
        std::size_t value = at + kBearer.size();
        while (value < text.size() && (text[value] == ' ' || text[value] == '\t')) {
            ++value;
        }
        std::size_t end = value;
        while (end < text.size() && isTokenChar(text[end])) {
            ++end;
        }
        if (value > at + kBearer.size() && end > value) {
            text.replace(value, end - value, kRedacted);
            at = value + kRedacted.size() - 1;
        }
    }
}

// name=value (form, query) and "name": "value" (JSON) for the names that carry credentials.
void redactNamedValues(std::string& text) {
    constexpr std::array<std::string_view, 4> kNames = {"access_token", "refresh_token", "id_token",
                                                        "client_secret"};
    for (auto name : kNames) {
        for (std::size_t at = 0; at < text.size(); ++at) {
            if (!equalsIgnoringCase(text, at, name)) {
                continue;
            }
            std::size_t pos = at + name.size();
            if (pos < text.size() && text[pos] == '"') {
                ++pos;  // the closing quote of a JSON member name
            }
            while (pos < text.size() && text[pos] == ' ') {
                ++pos;
            }
            if (pos >= text.size() || (text[pos] != ':' && text[pos] != '=')) {
                continue;
            }
            ++pos;
            while (pos < text.size() && text[pos] == ' ') {
                ++pos;
            }
            const bool quoted = pos < text.size() && text[pos] == '"';
            const std::size_t value = quoted ? pos + 1 : pos;
            std::size_t end = value;
            if (quoted) {
                while (end < text.size() && text[end] != '"') {
                    end += text[end] == '\\' && end + 1 < text.size() ? 2 : 1;
                }
                end = std::min(end, text.size());
            } else {
                while (end < text.size() &&
                       std::string_view("&,;}]\"' \t\r\n").find(text[end]) == std::string_view::npos) {
                    ++end;
                }
            }
            if (end > value) {
                text.replace(value, end - value, kRedacted);
            }
            at = value;
        }
    }
}

std::size_t digitRunEnd(std::string_view text, std::size_t from) {
    while (from < text.size() && isDigit(text[from])) {
        ++from;
    }
    return from;
}

// The separator a personnummer may have before its last four digits: '-', '+', or either url-encoded.
std::size_t separatorLength(std::string_view text, std::size_t at) {
    if (at < text.size() && (text[at] == '-' || text[at] == '+')) {
        return 1;
    }
    if (equalsIgnoringCase(text, at, "%2d") || equalsIgnoringCase(text, at, "%2b")) {
        return 3;
    }
    return 0;
}

// YYYYMMDDNNNN, YYMMDDNNNN, YYYYMMDD-NNNN, YYMMDD-NNNN, YYMMDD+NNNN: exact digit counts, so 200, 2019-01-01
// and long ids stay readable.
void redactIdentityNumbers(std::string& text) {
    std::size_t at = 0;
    while (at < text.size()) {
        if (!isDigit(text[at])) {
            ++at;
            continue;
        }
        const std::size_t runEnd = digitRunEnd(text, at);
        const std::size_t length = runEnd - at;
        std::size_t end = 0;
        if (length == 10 || length == 12) {
            end = runEnd;
        } else if (length == 6 || length == 8) {
            if (const std::size_t separator = separatorLength(text, runEnd); separator > 0) {
                const std::size_t last = runEnd + separator;
                if (digitRunEnd(text, last) - last == 4) {
                    end = last + 4;
                }
            }
        }
        if (end > 0) {
            text.replace(at, end - at, kRedacted);
            at += kRedacted.size();
        } else {
            at = runEnd;
        }
    }
}

}  // namespace

std::string redact(std::string_view text, const std::vector<std::string>& secrets) {
    std::string result(text);
    replaceSecrets(result, secrets);
    redactBearerValues(result);
    redactNamedValues(result);
    redactIdentityNumbers(result);
    return result;
}

}  // namespace finsam::http_client
