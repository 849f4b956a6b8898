// tests/generator/indicator_truth.h — truth/indicators.json: what the hub's indicator engine must
// report for the förbund when only its register (forbund/deltaganden.csv) is read.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/world.h"
#include "tests/generator/world_options.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace finsam::generator {

/// The national buckets of ersättningstyp (codes.md "national bucket"), in the order they are
/// written. `ingen` is only what a derived list says when a linked person had nothing; a register
/// row's own "Ingen" is a reported value and falls in `ovriga` (codes.md), so register-only truth
/// never has an `ingen` bucket.
enum class ForsorjningBucket {
    kSjukpenning,
    kAktivitetsersattning,
    kAktivitetsstod,
    kEtableringsersattning,
    kForsorjningsstod,
    kOvriga,
    kOkand
};
inline constexpr std::size_t kForsorjningBuckets = 7;

/// Change in offentlig försörjning from before to after (indicators.md §5 `forandring`).
enum class Forandring { kLamnat, kKvar, kTillkommit, kUtan, kOkand };

/// Why a 6/12-month outcome is or is not measurable (indicators.md §3), first failing reason.
struct Matbarhet {
    std::int64_t matbar = 0;
    std::int64_t anonym = 0;
    std::int64_t ejLankad = 0;
    std::int64_t ejNatt = 0;
    bool operator==(const Matbarhet&) const = default;
};

/// One calendar year's indicators. Counted: deltaganden in an individinriktad insats followed up
/// per individ, except felregistreringar. Identified: the register row has the number, Anonym =
/// Nej and the person is not skyddad; every other counted row is anonymous.
struct YearIndicators {
    std::int64_t deltagare = 0;               ///< distinct people among identified active rows
    std::int64_t deltagareAnonyma = 0;        ///< anonymous active rows
    std::int64_t nyaDeltagare = 0;            ///< rows started in the year
    std::int64_t avslutade = 0;               ///< rows ended in the year
    std::int64_t arbeteStudier = 0;           ///< of those identified: to (subv.) arbete or studier
    std::int64_t avslutadeIdentifierade = 0;  ///< identified ended rows: the share's denominator
    std::array<std::int64_t, 3> tidIInsats{};  ///< ended rows by calendar months 1-6, 7-12, 13-
    std::array<std::int64_t, 4> aldersgrupp{};  ///< started rows by start year - birth year
    /// Identified people active in the year, each by its first active row (earliest start, then
    /// Deltagande-ID), per distinct bucket of that row's Försörjning före (empty → okand).
    std::array<std::int64_t, kForsorjningBuckets> forsorjningFore{};
    std::int64_t forsorjningForePersoner = 0;  ///< the people: equal to deltagare
    /// The same people by that row's Tid i offentlig försörjning: 0-1, 1-3, 3-5, 5-9, 9-, ingen,
    /// okand (empty → okand).
    std::array<std::int64_t, 7> tidOffentligForsorjning{};
    /// Identified rows ended in the year, per distinct bucket of Försörjning efter (empty → okand).
    std::array<std::int64_t, kForsorjningBuckets> forsorjningEfter{};
    std::int64_t forsorjningEfterDeltaganden = 0;  ///< those rows: equal to avslutadeIdentifierade
    std::array<std::int64_t, 5> forandring{};      ///< those rows by Forandring
    Matbarhet utfall6;   ///< all rows ended in the year, outcome on end + 182 days
    Matbarhet utfall12;  ///< all rows ended in the year, outcome on end + 365 days
};

/// Years yearFrom..yearTo, each over 1 January-31 December. Computed from the world alone, with
/// nothing of the hub's code, so the hub's indicator engine can be checked against it.
std::map<int, YearIndicators> indicatorsByYear(const World& world, const WorldOptions& options);

/// {"forbund":"forbund-<slug>","profile":…,"years":{"<year>":{…}}} (README).
std::string indicatorTruthJson(const World& world, const WorldOptions& options);

}  // namespace finsam::generator
