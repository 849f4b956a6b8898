// connectors/af-csv/src/af_row_mapper.h — one AF row (ERS or INS) to a canonical record, or why not.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_reader.h"
#include "finsam/sdk/connector.h"
#include "snapshot_state.h"

namespace finsam::connectors::af_csv {

/// af-csv.md "Columns", every one required in the header (any order).
inline constexpr std::array<std::string_view, 18> kColumns = {
    "Rad_id",        "Radtyp",         "Personnummer",   "Fornamn",    "Efternamn",    "Kon",
    "Kontor",        "Skyddad",        "Sokandestatus",  "Ersattning", "Ersattning_from", "Ersattning_tom",
    "Omfattning",    "Insatskod",      "Insats_start",   "Insats_slut", "Avslutskod",   "Samtycke_ref"};

/// Column positions by name (0-based field index), from the header row.
struct Header {
    std::map<std::string, std::size_t> index;
    std::vector<std::string> missing;  ///< required columns not found: the file is refused
    std::vector<std::string> unknown;  ///< extra columns: ignored, and said so
    std::size_t width = 0;
};

Header readHeader(const sdk::toolkit::CsvRecord& header);

/// What one data row became. `id` and `state` are set whenever the row's Rad_id could be read, so a
/// quarantined row still counts as present in the snapshot (its earlier state is not withdrawn).
struct MappedRow {
    std::optional<sdk::Record> record;
    std::optional<sdk::Problem> problem;
    std::string id;
    RowState state;
};

/// Maps a row of file `source` dated `fileDate`. Values go to the hub as AF wrote them (codes are mapped by
/// config/mappings/af-csv.json, dates and numbers are validated by the hub), except what only the format
/// defines: decimal comma, the century of 10-digit numbers, `Skyddad`, and which columns a row type uses.
/// Names are never emitted: they serve only probabilistic linking, and are blanked from `raw`.
MappedRow mapRow(const sdk::toolkit::CsvRecord& row, const Header& header, const std::string& source,
                 const std::string& fileDate);

}  // namespace finsam::connectors::af_csv
