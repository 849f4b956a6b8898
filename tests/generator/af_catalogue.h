// tests/generator/af_catalogue.h — every row AF ever holds for the world, with stable Rad_ids.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/world.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace finsam::generator::af {

enum class RowType { kErs, kIns };

struct CatalogueRow {
    std::string radId;  ///< AF-NNNNNNNNN
    RowType type = RowType::kErs;
    std::size_t person = 0;
    std::optional<std::size_t> benefit;     ///< ERS: World::benefits index; empty for an error row
    std::optional<std::size_t> deltagande;  ///< INS: World::deltaganden index
    std::string ersattning;                 ///< ERS: AF's code
    int omfattning = 100;
    std::string omfattningText;  ///< as AF writes it, stable per row: "100", "50", "75,0"
    Date start;                  ///< Ersattning_from or Insats_start
    std::optional<Date> end;     ///< the real end; a snapshot shows it once it has passed
    std::string kontor;
    bool legacyNumber = false;        ///< written YYMMDD-NNNN (older rows)
    std::optional<Date> withdrawnOn;  ///< absent from snapshots dated on or after this day
};

struct Catalogue {
    std::vector<CatalogueRow> rows;  ///< real rows in Rad_id order, then registration errors
};

/// An ERS row per AF-paid benefit period and an INS row per deltagande in an insats with AF as
/// huvudman, numbered in start order from a seeded base, so Rad_ids never depend on the snapshot
/// options. With two or more `snapshotDates` (ascending), a few registration errors are added:
/// copies of real ERS rows with a wrong code that AF withdraws at a later snapshot.
Catalogue buildCatalogue(const World& world, std::uint64_t seed,
                         const std::vector<Date>& snapshotDates);

/// The first day a row must end on or after to stay in a snapshot dated `fileDate`: 13 months
/// before it, clamped to the month's last day (af-csv.md).
Date windowStart(Date fileDate);

/// The end a snapshot of `fileDate` shows: the real end once it has passed, else none (ongoing).
std::optional<Date> visibleEnd(const CatalogueRow& row, Date fileDate);

/// Started, not withdrawn, not ended before windowStart(fileDate).
bool presentOn(const CatalogueRow& row, Date fileDate);

/// The row's cells in a file dated `fileDate`, in columns() order, as UTF-8.
std::vector<std::string> cellsOn(const CatalogueRow& row, Date fileDate, const World& world);

}  // namespace finsam::generator::af
