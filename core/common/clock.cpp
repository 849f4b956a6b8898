// core/common/clock.cpp — UTC timestamps via Poco, strict ISO dates.
// SPDX-License-Identifier: Apache-2.0
#include "core/common/clock.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>


namespace finsam::common {

std::string nowUtcIso() {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ");
}

std::string isoUtcIn(std::chrono::milliseconds delay) {
    Poco::Timestamp at;
    at += static_cast<Poco::Timestamp::TimeDiff>(delay.count()) * 1000;
    return Poco::DateTimeFormatter::format(at, "%Y-%m-%dT%H:%M:%S.%iZ");
}

std::optional<double> unixSecondsOfIso(const std::string& iso) {
    Poco::DateTime at;
    int zone = 0;
    if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, iso, at, zone)) {
        return std::nullopt;
    }
    return static_cast<double>(at.timestamp().epochMicroseconds() - zone * 1000000LL) / 1e6;
}

std::chrono::milliseconds untilIsoUtc(const std::string& iso) {
    auto at = unixSecondsOfIso(iso);
    if (!at) {
        return std::chrono::milliseconds(0);
    }
    return std::chrono::milliseconds(static_cast<long long>(*at * 1000) -
                                     Poco::Timestamp().epochMicroseconds() / 1000);
}

std::optional<std::chrono::year_month_day> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
    }
    auto number = [&](std::size_t from, std::size_t length) {
        int value = 0;
        for (std::size_t i = from; i < from + length; ++i) {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    std::chrono::year_month_day date{std::chrono::year{number(0, 4)},
                                     std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                     std::chrono::day{static_cast<unsigned>(number(8, 2))}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

std::chrono::year_month_day todayInSweden() {
    // Europe/Stockholm's calendar day by the EU rule: CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the last
    // Sunday of March to 01:00 UTC on the last Sunday of October (Directive 2000/84/EC). Not the host's TZ:
    // the consent history dates its instants by this rule (consent_history.cpp), and two notions of "today"
    // would disagree for an hour or two every night on a host set to UTC.
    using namespace std::chrono;
    const auto nowUtc = floor<seconds>(system_clock::now());
    const year y = year_month_day{floor<days>(nowUtc)}.year();
    const auto summerStart = sys_seconds{sys_days{y / March / Sunday[last]}} + hours{1};
    const auto summerEnd = sys_seconds{sys_days{y / October / Sunday[last]}} + hours{1};
    const bool summer = nowUtc >= summerStart && nowUtc < summerEnd;
    return year_month_day{floor<days>(nowUtc + hours{summer ? 2 : 1})};
}

}  // namespace finsam::common
