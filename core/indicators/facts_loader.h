// core/indicators/facts_loader.h — reads canonical participations, usable links and visible benefit periods from
// the store and turns them into ParticipationFacts (docs/indicators.md §1–3).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/indicators/participation_facts.h"
#include "core/store/database.h"

namespace finsam::indicators {

struct FactsScope {
    std::string forbund;                  ///< only this förbund's participations; empty = every förbund
    std::chrono::year_month_day asOf;     ///< partner data are taken to cover days up to this one
    int followUpYearsBefore = 10;         ///< consent.follow_up_years_before
    int followUpMonthsAfter = 12;         ///< consent.follow_up_months_after
    std::string soleKommun;               ///< the configured förbund's only member kommun, if it has exactly one
};

/// Facts of every counted participation in scope, in deltagande key order. Reads only pseudonymous tables.
std::vector<ParticipationFacts> loadFacts(store::Database& database, const FactsScope& scope);

}  // namespace finsam::indicators
