// plugins/mapped-csv/src/date_format.cpp — layouts are matched character by character: no guessing.
// SPDX-License-Identifier: Apache-2.0
#include "date_format.h"

#include <array>

#include "value_syntax.h"

namespace finsam::connectors::mapped_csv {

namespace {

constexpr std::array<std::string_view, 3> kTokens = {"YYYY", "MM", "DD"};

bool isSeparator(char c) { return c == '-' || c == '/' || c == '.' || c == ' '; }

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

DateFormat::DateFormat() : layout_("YYYY-MM-DD") {}

DateFormat::DateFormat(std::string layout) : layout_(std::move(layout)) {}

std::optional<DateFormat> DateFormat::parse(std::string_view layout) {
    std::array<int, 3> seen{};
    std::size_t i = 0;
    while (i < layout.size()) {
        bool token = false;
        for (std::size_t t = 0; t < kTokens.size(); ++t) {
            if (layout.substr(i, kTokens[t].size()) == kTokens[t]) {
                ++seen[t];
                i += kTokens[t].size();
                token = true;
                break;
            }
        }
        if (!token) {
            if (!isSeparator(layout[i])) {
                return std::nullopt;
            }
            ++i;
        }
    }
    if (seen != std::array<int, 3>{1, 1, 1}) {
        return std::nullopt;
    }
    return DateFormat(std::string(layout));
}

std::optional<std::string> DateFormat::toIso(std::string_view text) const {
    if (text.size() != layout_.size()) {
        return std::nullopt;
    }
    std::string year, month, day;
    for (std::size_t i = 0; i < layout_.size(); ++i) {
        const char expected = layout_[i];
        if (isSeparator(expected)) {
            if (text[i] != expected) {
                return std::nullopt;
            }
            continue;
        }
        if (!isDigit(text[i])) {
            return std::nullopt;
        }
        // The layout's letters say which part each digit belongs to.
        (expected == 'Y' ? year : expected == 'M' ? month : day).push_back(text[i]);
    }
    std::string iso = year + "-" + month + "-" + day;
    if (!sdk::toolkit::isIsoDate(iso)) {
        return std::nullopt;
    }
    return iso;
}

}  // namespace finsam::connectors::mapped_csv
