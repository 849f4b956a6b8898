// core/consent/consent_history.cpp — ISO instants and Swedish calendar days, compared as time.
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/consent_history.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/common/clock.h"

namespace finsam::consent {

namespace chr = std::chrono;

namespace {

using Instant = chr::sys_time<chr::nanoseconds>;

/// Sweden's UTC offset at the local midnight that starts `day`. Summer time (the EU rule since
/// 1996; 1980–1995 it ended on the last Sunday of September) switches at 01:00 UTC, never at
/// midnight, so the day decides: summer time after the last Sunday of March up to the last Sunday
/// of the end month.
chr::hours stockholmOffsetAtMidnight(chr::year_month_day day) {
    const int year = static_cast<int>(day.year());
    if (year < 1980) {
        return chr::hours{1};
    }
    const chr::month endMonth = year < 1996 ? chr::September : chr::October;
    const chr::sys_days begin{
        chr::year_month_weekday_last{day.year(), chr::March, chr::Sunday[chr::last]}};
    const chr::sys_days end{
        chr::year_month_weekday_last{day.year(), endMonth, chr::Sunday[chr::last]}};
    const chr::sys_days at{day};
    return at > begin && at <= end ? chr::hours{2} : chr::hours{1};
}

Instant swedishMidnight(chr::year_month_day day) {
    return Instant{chr::sys_days{day}} - stockholmOffsetAtMidnight(day);
}

/// The number in text[from, from + count), or -1 when it is too short or not all digits.
int digits(std::string_view text, std::size_t from, std::size_t count) {
    if (text.size() < from + count) {
        return -1;
    }
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return -1;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

/// Reads ".fraction" at `at` (advancing it) as nanoseconds; nullopt when there are no digits.
std::optional<chr::nanoseconds> fraction(std::string_view text, std::size_t& at) {
    std::int64_t nanos = 0;
    int count = 0;
    for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++count) {
        if (count < 9) {
            nanos = nanos * 10 + (text[at] - '0');
        }
    }
    if (count == 0) {
        return std::nullopt;
    }
    for (int i = count; i < 9; ++i) {
        nanos *= 10;
    }
    return chr::nanoseconds{nanos};
}

/// YYYY-MM-DD (a Swedish day: its first instant, or its last when endOfDay) or
/// YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±hh:mm] (no zone = UTC). nullopt when malformed.
std::optional<Instant> parseInstant(std::string_view text, bool endOfDay) {
    const std::optional<chr::year_month_day> date = common::parseIsoDate(text.substr(0, 10));
    if (!date) {
        return std::nullopt;
    }
    if (text.size() == 10) {
        if (endOfDay) {
            const chr::year_month_day next{chr::sys_days{*date} + chr::days{1}};
            return swedishMidnight(next) - chr::nanoseconds{1};
        }
        return swedishMidnight(*date);
    }
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    if ((text[10] != 'T' && text[10] != ' ') || text.size() < 16 || text[13] != ':' || hour < 0 ||
        hour > 23 || minute < 0 || minute > 59) {
        return std::nullopt;
    }
    Instant instant = Instant{chr::sys_days{*date}} + chr::hours{hour} + chr::minutes{minute};
    std::size_t at = 16;
    if (at < text.size() && text[at] == ':') {
        const int second = digits(text, at + 1, 2);
        if (second < 0 || second > 60) {
            return std::nullopt;
        }
        instant += chr::seconds{second};
        at += 3;
        if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
            const std::optional<chr::nanoseconds> part = fraction(text, at);
            if (!part) {
                return std::nullopt;
            }
            instant += *part;
        }
    }
    const std::string_view zone = text.substr(at);
    if (zone.empty() || zone == "Z") {
        return instant;
    }
    const int zoneHours = digits(zone, 1, 2);
    const int zoneMinutes = digits(zone, 4, 2);
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' || zoneHours < 0 ||
        zoneMinutes < 0) {
        return std::nullopt;
    }
    const chr::minutes offset = chr::hours{zoneHours} + chr::minutes{zoneMinutes};
    return zone[0] == '+' ? instant - offset : instant + offset;
}

}  // namespace

const Consent* asOf(const ConsentHistory& history, const std::string& at) {
    const std::optional<Instant> limit = parseInstant(at, true);
    if (!limit) {
        return nullptr;
    }
    const Consent* found = nullptr;
    std::optional<Instant> foundAt;
    for (const auto& [recordedAt, version] : history.versions) {
        const std::optional<Instant> instant = parseInstant(recordedAt, false);
        if (instant && *instant <= *limit && (!foundAt || *foundAt <= *instant)) {
            found = &version;
            foundAt = instant;
        }
    }
    return found;
}

std::vector<Consent> consentsAsOf(const std::vector<ConsentHistory>& histories,
                                  const std::string& at) {
    std::vector<Consent> consents;
    for (const ConsentHistory& history : histories) {
        if (const Consent* version = asOf(history, at)) {
            consents.push_back(*version);
        }
    }
    return consents;
}

const Consent* firstRecorded(const ConsentHistory& history) {
    const Consent* found = nullptr;
    std::optional<Instant> foundAt;
    for (const auto& [recordedAt, version] : history.versions) {
        const std::optional<Instant> instant = parseInstant(recordedAt, false);
        if (instant && (!foundAt || *instant < *foundAt)) {
            found = &version;
            foundAt = instant;
        }
    }
    return found;
}

std::vector<Consent> consentsStoodOn(const std::vector<ConsentHistory>& histories, const std::string& day) {
    std::vector<Consent> consents;
    for (const ConsentHistory& history : histories) {
        const Consent* version = asOf(history, day);
        if (version == nullptr) {
            version = firstRecorded(history);
        }
        if (version != nullptr) {
            consents.push_back(*version);
        }
    }
    return consents;
}

}  // namespace finsam::consent
