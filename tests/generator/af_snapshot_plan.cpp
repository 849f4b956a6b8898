// tests/generator/af_snapshot_plan.cpp — the AF files of one run, before they become bytes.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/af_snapshot_plan.h"

#include "tests/generator/af_codes.h"
#include "tests/generator/rng.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace finsam::generator::af {
namespace {

constexpr double kShareQuoteEveryField = 0.25;  // one AF export tool quotes everything
constexpr double kShareTrailingEmptyLine = 0.2;

std::string compactDate(Date date) {
    std::string iso = formatIsoDate(date);
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

}  // namespace

std::size_t SnapshotFile::positionOf(std::size_t column) const {
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == column) {
            return i + 1;
        }
    }
    return 0;
}

std::vector<Date> snapshotDates(const World& world, const AfOptions& options) {
    if (options.snapshots < 1 || options.snapshots > 1000) {
        throw std::invalid_argument("--af-snapshots must be 1-1000");
    }
    if (options.stepDays < 1 || options.stepDays > 366) {
        throw std::invalid_argument("--af-step-days must be 1-366");
    }
    std::vector<Date> dates;
    for (int k = options.snapshots - 1; k >= 0; --k) {
        dates.push_back(addDays(world.asOf, -k * options.stepDays));
    }
    return dates;
}

std::string fileName(const World& world, Date date) {
    return "af_finsam_" + world.forbund.organisationsnummer + "_" + compactDate(date) + ".csv";
}

SnapshotFile planSnapshot(const World& world, const Catalogue& catalogue, std::uint64_t seed,
                          Date date, bool shuffle) {
    // Presentation comes from a stream of the file's own, so adding a file changes no other.
    Rng rng = Rng(seed).fork("af-file-" + compactDate(date));
    SnapshotFile file;
    file.date = date;
    file.name = fileName(world, date);
    file.order.resize(columns().size());
    std::iota(file.order.begin(), file.order.end(), std::size_t{0});
    if (shuffle) {
        rng.shuffle(file.order);
    }
    file.quoteEveryField = rng.chance(kShareQuoteEveryField);
    file.trailingEmptyLine = rng.chance(kShareTrailingEmptyLine);
    for (const CatalogueRow& row : catalogue.rows) {
        if (presentOn(row, date)) {
            file.rows.push_back({row.radId, row.type, cellsOn(row, date, world), std::nullopt});
        }
    }
    std::sort(file.rows.begin(), file.rows.end(),
              [](const FileRow& a, const FileRow& b) { return a.radId < b.radId; });
    return file;
}

}  // namespace finsam::generator::af
