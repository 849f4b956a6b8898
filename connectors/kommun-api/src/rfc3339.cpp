// connectors/kommun-api/src/rfc3339.cpp
// SPDX-License-Identifier: Apache-2.0
#include "rfc3339.h"

#include <string>

#include "value_syntax.h"

namespace finsam::connectors::kommun_api {

namespace {

bool digitsAt(std::string_view text, std::size_t from, std::size_t count) {
    if (text.size() < from + count) {
        return false;
    }
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return true;
}

int valueAt(std::string_view text, std::size_t from) { return (text[from] - '0') * 10 + (text[from + 1] - '0'); }

}  // namespace

bool isRfc3339(std::string_view text) {
    if (text.size() < 20 || !sdk::toolkit::isIsoDate(text.substr(0, 10)) || (text[10] != 'T' && text[10] != 't') ||
        !digitsAt(text, 11, 2) || text[13] != ':' || !digitsAt(text, 14, 2) || text[16] != ':' ||
        !digitsAt(text, 17, 2) || valueAt(text, 11) > 23 || valueAt(text, 14) > 59 || valueAt(text, 17) > 60) {
        return false;
    }
    std::size_t at = 19;
    if (text[at] == '.') {
        const std::size_t start = ++at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            ++at;
        }
        if (at == start) {
            return false;
        }
    }
    const std::string_view zone = text.substr(at);
    if (zone == "Z" || zone == "z") {
        return true;
    }
    return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digitsAt(zone, 1, 2) && zone[3] == ':' &&
           digitsAt(zone, 4, 2) && valueAt(zone, 1) <= 23 && valueAt(zone, 4) <= 59;
}

}  // namespace finsam::connectors::kommun_api
