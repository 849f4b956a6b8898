// core/indicators/uppfoljning_finsam.h — the figures a förbund reports to the national follow-up (Uppföljning
// Finsam) for one year: per individinriktad insats the participants by kön, per strukturövergripande or
// head-count-only insats the registered head count, and each insats's budget and planned participants
// (docs/indicators.md §9).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/config/hub_config.h"
#include "core/indicators/participation_facts.h"
#include "core/store/database.h"

namespace finsam::indicators {

struct UppfoljningFinsamRow {
    int year = 0;
    std::string insatsId, namn, inriktning, uppfoljningsmetod, huvudman;
    /// Participants active in the year: identified persons once each, anonymous participations once each.
    std::optional<std::int64_t> kvinnor, man, annatOkant, totalt, anonyma;
    std::string budgetKr;  ///< as registered (decimal text); empty when the year has no budget row
    std::optional<std::int64_t> planeratAntal;
    std::optional<bool> esf;
    /// Where the counts come from: "deltaganden" (counted by the hub) or "registrerat_antal" (the register's
    /// head count, for insatser followed up by numbers only).
    std::string kalla;
};

/// One row per insats of `forbund` that runs in `year` or has a budget for it, in insats id order. `facts` are
/// the förbund's participation facts (loadFacts); the insatser and budgets are read from `database`.
std::vector<UppfoljningFinsamRow> uppfoljningFinsam(store::Database& database,
                                                    const std::vector<ParticipationFacts>& facts,
                                                    const std::string& forbund, int year);

/// Reads a consistent snapshot and computes the rows; `asOf` as for the indicators.
std::vector<UppfoljningFinsamRow> runUppfoljningFinsam(store::Database& database, const config::HubConfig& config,
                                                       const std::string& forbund, int year,
                                                       std::chrono::year_month_day asOf);

void writeUppfoljningFinsamCsv(const std::vector<UppfoljningFinsamRow>& rows, std::ostream& out);
void writeUppfoljningFinsamJson(const std::vector<UppfoljningFinsamRow>& rows, std::ostream& out);

}  // namespace finsam::indicators
