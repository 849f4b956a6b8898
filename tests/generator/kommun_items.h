// tests/generator/kommun_items.h — the kommun API's two change logs (kommun-api.md): payments of
// försörjningsstöd and participations in kommun-run insatser.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/world.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace finsam::generator::kommun {

/// One item as the API serves it; a later item with the same id replaces the earlier.
struct Payment {
    std::string id;  ///< EB-YYYY-NNNNNN
    std::string personnummer;  ///< applicant, 12 digits
    std::optional<std::string> medsokande;  ///< co-applicant, 12 digits
    std::string hushall;
    std::string period;  ///< YYYY-MM
    std::int64_t beloppOre = 0;
    std::optional<std::string> stadsdel;
    std::string status;  ///< utbetald, aterkrav, makulerad
    bool skyddad = false;
    std::string andrad;  ///< RFC 3339, Swedish local time
};

struct Participation {
    std::string id;  ///< KD-YYYY-NNNNN
    std::string insatsId;
    std::optional<std::string> personnummer;  ///< null when anonymous without protection
    bool anonym = false;
    std::string kon;
    int fodelsear = 0;
    std::string start;
    std::optional<std::string> slut;
    std::optional<std::string> avslutsanledning;
    std::optional<std::string> samtyckeRef;
    bool skyddad = false;
    std::string andrad;
    std::string deltagandeId;  ///< the förbund's id of the same participation (truth only)
};

struct ChangeLogs {
    std::vector<Payment> payments;              ///< in change order
    std::vector<Participation> participations;  ///< in change order
};

/// Payments: one per month of each försörjningsstöd period up to World::asOf, paid on the 5th at
/// 06:00, 10 % of households with a co-applicant; a few later changed to aterkrav or makulerad
/// (a second item with the same id). Participations: one item when a deltagande in an insats with
/// the kommun as huvudman starts, another when it ends. Deterministic from the seed.
ChangeLogs buildChangeLogs(const World& world, std::uint64_t seed);

/// The participation item id (KD-YYYY-NNNNN) of each deltagande in a kommun-run insats, keyed by
/// its Deltagande-ID: what buildChangeLogs numbers, without building the payments.
std::map<std::string, std::string> participationIds(const World& world);

}  // namespace finsam::generator::kommun
