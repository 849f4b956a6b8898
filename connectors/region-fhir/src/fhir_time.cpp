// connectors/region-fhir/src/fhir_time.cpp — strict parsing of FHIR date/dateTime/instant text.
// SPDX-License-Identifier: Apache-2.0
#include "fhir_time.h"

#include <chrono>
#include <cstdio>

#include "value_syntax.h"

namespace finsam::connectors::region_fhir {

namespace {

using namespace std::chrono;

bool digitsAt(std::string_view text, std::size_t at, std::size_t count, int& out) {
    if (at + count > text.size()) {
        return false;
    }
    out = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

std::optional<year_month_day> dateAt(std::string_view text) {
    if (text.size() < 10 || !sdk::toolkit::isIsoDate(text.substr(0, 10))) {
        return std::nullopt;
    }
    int y = 0, m = 0, d = 0;
    digitsAt(text, 0, 4, y);
    digitsAt(text, 5, 2, m);
    digitsAt(text, 8, 2, d);
    return year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
}

// The last Sunday of `m` in `y`, 01:00 UTC: when Swedish summer time starts (March) or ends (October).
sys_seconds lastSundayOneUtc(int y, unsigned m) {
    const sys_days last = sys_days{year{y} / month{m} / std::chrono::last};
    const weekday wd{last};
    const sys_days sunday = last - (wd - Sunday);
    return sunday + hours{1};
}

std::string formatDate(const year_month_day& ymd) {
    char text[32];  // room for any int the compiler cannot rule out
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

}  // namespace

std::optional<Instant> parseInstant(std::string_view text) {
    auto date = dateAt(text);
    int hh = 0, mm = 0, ss = 0;
    if (!date || text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        !digitsAt(text, 11, 2, hh) || !digitsAt(text, 14, 2, mm) || !digitsAt(text, 17, 2, ss) || hh > 23 ||
        mm > 59 || ss > 60) {
        return std::nullopt;
    }
    std::size_t at = 19;
    std::int32_t nanos = 0;
    if (at < text.size() && text[at] == '.') {
        std::size_t digits = 0;
        for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++digits) {
            if (digits < 9) {
                nanos = nanos * 10 + (text[at] - '0');
            }
        }
        if (digits == 0) {
            return std::nullopt;
        }
        for (std::size_t pad = digits; pad < 9; ++pad) {
            nanos *= 10;
        }
    }
    int offsetMinutes = 0;
    if (at < text.size() && text[at] == 'Z' && at + 1 == text.size()) {
        offsetMinutes = 0;
    } else if (at + 6 == text.size() && (text[at] == '+' || text[at] == '-') && text[at + 3] == ':') {
        int oh = 0, om = 0;
        if (!digitsAt(text, at + 1, 2, oh) || !digitsAt(text, at + 4, 2, om) || oh > 14 || om > 59) {
            return std::nullopt;
        }
        offsetMinutes = (text[at] == '+' ? 1 : -1) * (oh * 60 + om);
    } else {
        return std::nullopt;  // FHIR: an instant always carries its zone
    }
    const sys_seconds local = sys_days{*date} + hours{hh} + minutes{mm} + seconds{ss};
    return Instant{(local - minutes{offsetMinutes}).time_since_epoch().count(), nanos};
}

std::optional<std::string> swedishDate(std::string_view text) {
    if (text.size() == 10) {
        return sdk::toolkit::isIsoDate(text) ? std::optional<std::string>(std::string(text)) : std::nullopt;
    }
    auto instant = parseInstant(text);
    if (!instant) {
        return std::nullopt;
    }
    const sys_seconds utc{seconds{instant->seconds}};
    const int y = static_cast<int>(year_month_day{floor<days>(utc)}.year());
    const bool summer = utc >= lastSundayOneUtc(y, 3) && utc < lastSundayOneUtc(y, 10);
    const sys_seconds swedish = utc + hours{summer ? 2 : 1};
    return formatDate(year_month_day{floor<days>(swedish)});
}

std::optional<std::string> yearOfDate(std::string_view date) {
    int y = 0;
    const bool shapeOk = (date.size() == 4 && digitsAt(date, 0, 4, y)) ||
                         (date.size() == 7 && digitsAt(date, 0, 4, y) && date[4] == '-') ||
                         (date.size() == 10 && dateAt(date).has_value());
    if (!shapeOk || !digitsAt(date, 0, 4, y) || y == 0) {
        return std::nullopt;
    }
    if (date.size() == 7) {
        int m = 0;
        if (!digitsAt(date, 5, 2, m) || m < 1 || m > 12) {
            return std::nullopt;
        }
    }
    return std::string(date.substr(0, 4));
}

}  // namespace finsam::connectors::region_fhir
