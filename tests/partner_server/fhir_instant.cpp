// tests/partner_server/fhir_instant.cpp — a strict reader: a search time the server misreads would
// silently serve the wrong resources, so an unreadable one is refused instead.
// SPDX-License-Identifier: Apache-2.0
#include "fhir_instant.h"

#include <chrono>
#include <cctype>

namespace finsam::testing::partner {

namespace {

// Reads exactly `width` digits at `at`, advancing it.
std::optional<int> digits(std::string_view text, std::size_t& at, std::size_t width) {
    if (at + width > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = 0; i < width; ++i) {
        const char c = text[at + i];
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    at += width;
    return value;
}

bool take(std::string_view text, std::size_t& at, char expected) {
    if (at < text.size() && text[at] == expected) {
        ++at;
        return true;
    }
    return false;
}

// The zone designator at `at` (Z or ±hh:mm) as an offset east of UTC, in minutes.
std::optional<int> zoneOffsetMinutes(std::string_view text, std::size_t& at) {
    if (take(text, at, 'Z')) {
        return 0;
    }
    if (at >= text.size() || (text[at] != '+' && text[at] != '-')) {
        return std::nullopt;
    }
    const int sign = text[at] == '-' ? -1 : 1;
    ++at;
    const auto hours = digits(text, at, 2);
    if (!hours || !take(text, at, ':')) {
        return std::nullopt;
    }
    const auto minutes = digits(text, at, 2);
    if (!minutes || *hours > 14 || *minutes > 59) {
        return std::nullopt;
    }
    return sign * (*hours * 60 + *minutes);
}

}  // namespace

std::optional<std::int64_t> parseFhirTimeMillis(std::string_view text) {
    using namespace std::chrono;
    std::size_t at = 0;
    const auto yearValue = digits(text, at, 4);
    if (!yearValue) {
        return std::nullopt;
    }
    int monthValue = 1;
    int dayValue = 1;
    if (take(text, at, '-')) {
        const auto m = digits(text, at, 2);
        if (!m) {
            return std::nullopt;
        }
        monthValue = *m;
        if (take(text, at, '-')) {
            const auto d = digits(text, at, 2);
            if (!d) {
                return std::nullopt;
            }
            dayValue = *d;
        }
    }
    const year_month_day date{year{*yearValue}, month{static_cast<unsigned>(monthValue)},
                              day{static_cast<unsigned>(dayValue)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    std::int64_t millis = duration_cast<milliseconds>(sys_days{date}.time_since_epoch()).count();
    if (at == text.size()) {
        return millis;
    }
    // A time needs a full date before it.
    if (at != 10 || !take(text, at, 'T')) {
        return std::nullopt;
    }
    const auto hours = digits(text, at, 2);
    if (!hours || !take(text, at, ':')) {
        return std::nullopt;
    }
    const auto minutes = digits(text, at, 2);
    if (!minutes) {
        return std::nullopt;
    }
    int seconds = 0;
    int fractionMillis = 0;
    if (take(text, at, ':')) {
        const auto s = digits(text, at, 2);
        if (!s) {
            return std::nullopt;
        }
        seconds = *s;
        if (take(text, at, '.')) {
            int scale = 100;
            const std::size_t start = at;
            while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) {
                fractionMillis += (text[at] - '0') * scale;  // beyond milliseconds the digits add 0
                scale /= 10;
                ++at;
            }
            if (at == start) {
                return std::nullopt;
            }
        }
    }
    if (*hours > 23 || *minutes > 59 || seconds > 60) {
        return std::nullopt;
    }
    int offset = 0;
    if (at < text.size()) {
        const auto zone = zoneOffsetMinutes(text, at);
        if (!zone || at != text.size()) {
            return std::nullopt;
        }
        offset = *zone;
    }
    millis += ((*hours * 60 + *minutes - offset) * 60 + seconds) * std::int64_t{1000} + fractionMillis;
    return millis;
}

}  // namespace finsam::testing::partner
