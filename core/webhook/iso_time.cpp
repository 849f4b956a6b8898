// core/webhook/iso_time.cpp — Poco's formatter and parser, as common/clock.cpp uses.
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/iso_time.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>

namespace finsam::webhook {

namespace {

constexpr const char* kFormat = "%Y-%m-%dT%H:%M:%S.%iZ";

}  // namespace

std::string isoUtcIn(std::chrono::milliseconds delay) {
    Poco::Timestamp at;
    at += static_cast<Poco::Timestamp::TimeDiff>(delay.count()) * 1000;
    return Poco::DateTimeFormatter::format(at, kFormat);
}

std::chrono::milliseconds untilIsoUtc(const std::string& iso) {
    Poco::DateTime at;
    int zone = 0;
    if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, iso, at, zone)) {
        return std::chrono::milliseconds(0);
    }
    const Poco::Timestamp::TimeDiff micros = at.timestamp() - Poco::Timestamp();
    return std::chrono::milliseconds(micros / 1000);
}

}  // namespace finsam::webhook
