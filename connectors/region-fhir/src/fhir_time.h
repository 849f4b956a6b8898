// connectors/region-fhir/src/fhir_time.h — FHIR instants compared as points in time, and dates read in
// Swedish local time (codes.md: "Dates taken from timestamps are read in Swedish local time").
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace finsam::connectors::region_fhir {

/// A point in time. meta.lastUpdated values carry their own offsets (+01:00 in winter, +02:00 in summer,
/// or Z), so they are compared as instants, never as text.
struct Instant {
    std::int64_t seconds = 0;  ///< since 1970-01-01T00:00:00Z
    std::int32_t nanos = 0;
    auto operator<=>(const Instant&) const = default;
};

/// A FHIR instant: YYYY-MM-DDThh:mm:ss[.fraction](Z|+hh:mm|-hh:mm), a real calendar date and time.
std::optional<Instant> parseInstant(std::string_view text);

/// The calendar date in Sweden (Europe/Stockholm: CET, CEST from the last Sunday of March to the last
/// Sunday of October, 01:00 UTC) of a FHIR date or dateTime: "2019-03-17" stays itself,
/// "2019-03-31T23:30:00Z" is "2019-04-01". A partial date ("2019", "2019-03") has no day: nullopt.
std::optional<std::string> swedishDate(std::string_view dateOrDateTime);

/// The four-digit year of a FHIR date ("1987", "1987-10", "1987-10-04"), or nullopt.
std::optional<std::string> yearOfDate(std::string_view date);

}  // namespace finsam::connectors::region_fhir
