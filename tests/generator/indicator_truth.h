// tests/generator/indicator_truth.h — truth/indicators.json: what the hub's indicator engine must
// report for the förbund when only its register (forbund/deltaganden.csv) is read.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/world.h"
#include "tests/generator/world_options.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>

namespace finsam::generator {

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
};

/// Years yearFrom..yearTo, each over 1 January-31 December. Computed from the world alone, with
/// nothing of the hub's code, so the hub's indicator engine can be checked against it.
std::map<int, YearIndicators> indicatorsByYear(const World& world, const WorldOptions& options);

/// {"forbund":"forbund-<slug>","profile":…,"years":{"<year>":{…}}} (README).
std::string indicatorTruthJson(const World& world, const WorldOptions& options);

}  // namespace finsam::generator
