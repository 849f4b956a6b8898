// tests/generator/af_snapshot_plan.h — the AF files of one run, before they become bytes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/af_catalogue.h"
#include "tests/generator/generator_options.h"
#include "tests/generator/world.h"

#include <optional>
#include <string>
#include <vector>

namespace finsam::generator::af {

struct FileRow {
    std::string radId;
    RowType type = RowType::kErs;
    std::vector<std::string> cells;         ///< columns() order, UTF-8
    std::optional<std::size_t> dropColumn;  ///< wrong-field-count: this column is left out
};

/// A row the hub must quarantine, planted by a fault.
struct RowProblem {
    std::size_t row = 0;  ///< index into SnapshotFile::rows
    std::string field;    ///< AF column name; "" when the whole row is at fault
    std::string reason;   ///< the hub's reason code
    std::string fault;    ///< the --fault that planted it
    std::string detail;
};

struct SnapshotFile {
    Date date;
    std::string name;                ///< af_finsam_<orgnr>_<YYYYMMDD>.csv
    std::vector<std::size_t> order;  ///< header order, as indices into columns()
    std::vector<FileRow> rows;       ///< in Rad_id order
    bool quoteEveryField = false;
    bool trailingEmptyLine = false;
    bool utf8 = false;         ///< utf8-file: written as UTF-8 instead of Windows-1252
    std::string fault;         ///< the file-level fault this file carries, if any
    std::vector<RowProblem> problems;

    /// 1-based line of rows[i] (the header is line 1; AF fields hold no line breaks).
    std::size_t lineOf(std::size_t row) const { return row + 2; }
    /// 1-based position of canonical column `column` in this file's header.
    std::size_t positionOf(std::size_t column) const;
};

/// The regular snapshot dates: `snapshots` of them, `stepDays` apart, the last on World::asOf.
/// Throws std::invalid_argument for fewer than 1 snapshot, a step below 1 day, or over 1000 files.
std::vector<Date> snapshotDates(const World& world, const AfOptions& options);

std::string fileName(const World& world, Date date);

/// The snapshot of `date`: every row present on it, presentation drawn from the seed and the date
/// (column order when shuffling, quoting style, a trailing empty line). `shuffle` is ignored for
/// the first file so the first delivery always has the spec's order.
SnapshotFile planSnapshot(const World& world, const Catalogue& catalogue, std::uint64_t seed,
                          Date date, bool shuffle);

}  // namespace finsam::generator::af
