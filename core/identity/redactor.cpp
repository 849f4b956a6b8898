// core/identity/redactor.cpp — removes anything shaped like a personnummer from outgoing text.
// Rules: architecture §3 (the clear number is never written); shapes as documented in redactor.h.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/redactor.h"

#include <cctype>

namespace finsam::identity {

namespace {

constexpr std::string_view kPlaceholder = "[pnr]";

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Length of one separator unit at `pos`, or 0. People and spreadsheets write '-', '+', spaces, dots, and
// Unicode dashes (U+2010 hyphen, U+2013 en dash, U+2014 em dash, U+2212 minus) between date and serial.
std::size_t separatorAt(std::string_view text, std::size_t pos) {
    const char c = text[pos];
    if (c == '-' || c == '+' || c == ' ' || c == '\t' || c == '.') {
        return 1;
    }
    for (std::string_view dash : {"\xE2\x80\x90", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92",
                                  "\xC2\xA0"}) {
        if (text.substr(pos, dash.size()) == dash) {
            return dash.size();
        }
    }
    return 0;
}

// End of up to kMaxSeparators separator units from `pos` (== pos when there is none).
std::size_t separatorsEnd(std::string_view text, std::size_t pos) {
    constexpr int kMaxSeparators = 4;
    for (int units = 0; units < kMaxSeparators && pos < text.size(); ++units) {
        const std::size_t length = separatorAt(text, pos);
        if (length == 0) {
            break;
        }
        pos += length;
    }
    return pos;
}

// End of the run of digits starting at `pos` (a hand scan: no std::regex on this hot path).
std::size_t digitRunEnd(std::string_view text, std::size_t pos) {
    while (pos < text.size() && isDigit(text[pos])) {
        ++pos;
    }
    return pos;
}

// If the whole digit run [start, runEnd) begins an identity shape, returns the end of that span;
// otherwise returns `start`. Shapes: 10 or 12 digits; 6 or 8 digits, one to four separators (see
// separatorAt), then 4 digits. Runs are maximal, so longer or shorter digit runs never match. Deliberately
// over-eager: a badly typed number is exactly what gets quarantined, with its row.
std::size_t identitySpanEnd(std::string_view text, std::size_t start, std::size_t runEnd) {
    const std::size_t length = runEnd - start;
    if (length == 10 || length == 12) {
        return runEnd;
    }
    if (length == 6 || length == 8) {
        const std::size_t tailStart = separatorsEnd(text, runEnd);
        const std::size_t tailEnd = digitRunEnd(text, tailStart);
        if (tailStart > runEnd && tailEnd - tailStart == 4) {
            return tailEnd;
        }
    }
    return start;
}

// Walks `text` run by run, calling onMatch(start, end) for each identity-shaped span.
template <typename OnMatch>
void scan(std::string_view text, OnMatch&& onMatch) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (!isDigit(text[pos])) {
            ++pos;
            continue;
        }
        const std::size_t runEnd = digitRunEnd(text, pos);
        const std::size_t spanEnd = identitySpanEnd(text, pos, runEnd);
        if (spanEnd != pos) {
            if (!onMatch(pos, spanEnd)) {
                return;
            }
            pos = spanEnd;
        } else {
            pos = runEnd;
        }
    }
}

}  // namespace

std::string redactIdentities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    scan(text, [&](std::size_t start, std::size_t end) {
        out.append(text.substr(copied, start - copied));
        out.append(kPlaceholder);
        copied = end;
        return true;
    });
    out.append(text.substr(copied));
    return out;
}

bool containsIdentityLike(std::string_view text) {
    bool found = false;
    scan(text, [&](std::size_t, std::size_t) {
        found = true;
        return false;  // the first match is enough
    });
    return found;
}

namespace {

bool secretValueChar(char c) { return c != ' ' && c != '"' && c != '\'' && c != '&' && c != ',' && c != ';' && c != '}'; }

// Replaces the value that follows each case-insensitive occurrence of `marker` with "[secret]".
void maskAfter(std::string& text, std::string_view marker, bool allowSeparator) {
    std::string lower = text;
    for (auto& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    std::size_t at = 0;
    while ((at = lower.find(marker, at)) != std::string::npos) {
        std::size_t value = at + marker.size();
        if (allowSeparator) {
            while (value < text.size() && (text[value] == '"' || text[value] == '\'' || text[value] == ' ')) {
                ++value;
            }
            if (value >= text.size() || (text[value] != '=' && text[value] != ':')) {
                at = value;
                continue;
            }
            ++value;
            while (value < text.size() && (text[value] == ' ' || text[value] == '"' || text[value] == '\'')) {
                ++value;
            }
        }
        std::size_t end = value;
        while (end < text.size() && secretValueChar(text[end])) {
            ++end;
        }
        if (end > value && text.compare(value, end - value, "[secret]") != 0) {
            text.replace(value, end - value, "[secret]");
            lower.replace(value, end - value, "[secret]");
        }
        at = value + 1;
    }
}

}  // namespace

std::string redactLogText(std::string_view text) {
    std::string out = redactIdentities(text);
    maskAfter(out, "bearer ", false);
    maskAfter(out, "basic ", false);
    for (std::string_view key : {"token", "secret", "password", "passwd", "api_key", "apikey", "authorization"}) {
        maskAfter(out, key, true);
    }
    return out;
}

}  // namespace finsam::identity
