// connectors/kommun-api/src/month.cpp
// SPDX-License-Identifier: Apache-2.0
#include "month.h"

#include <cstdio>

namespace finsam::connectors::kommun_api {

namespace {

bool digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

int yearOf(Month month) { return month / 12; }
int monthOfYear(Month month) { return month % 12 + 1; }

}  // namespace

std::optional<Month> parseMonth(std::string_view text) {
    if (text.size() != 7 || text[4] != '-' || !digits(text.substr(0, 4)) || !digits(text.substr(5, 2))) {
        return std::nullopt;
    }
    const int year = std::stoi(std::string(text.substr(0, 4)));
    const int month = std::stoi(std::string(text.substr(5, 2)));
    if (year < 1900 || year > 2199 || month < 1 || month > 12) {
        return std::nullopt;
    }
    return year * 12 + month - 1;
}

std::string monthText(Month month) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", yearOf(month), monthOfYear(month));
    return text;
}

std::string firstDayOf(Month month) { return monthText(month) + "-01"; }

std::string lastDayOf(Month month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int year = yearOf(month);
    const int index = monthOfYear(month) - 1;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = kDays[index] + (index == 1 && leap ? 1 : 0);
    char text[8];
    std::snprintf(text, sizeof text, "-%02d", days);
    return monthText(month) + text;
}

}  // namespace finsam::connectors::kommun_api
