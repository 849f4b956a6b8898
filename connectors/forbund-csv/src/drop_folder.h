// connectors/forbund-csv/src/drop_folder.h — what the drop folder holds now: marker, its time, the
// three sheets.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "forbund_csv_parser.h"

namespace finsam::connectors::forbund_csv {

enum class DropState {
    kUnreachable,  ///< the folder itself is missing or cannot be listed: the source is down
    kNoMarker,     ///< no KLAR: nothing to read (forbund-csv.md "Transport")
    kInProgress,   ///< a sheet is newer than KLAR: the förbund is still writing the next set
    kReady,        ///< a set to compare with the checkpoint
};

struct DropSnapshot {
    DropState state = DropState::kNoMarker;
    std::string detail;  ///< for kUnreachable/kInProgress: what was seen (no identities)
    std::int64_t markerTimeNs = 0;  ///< KLAR's modification time, ns since the Unix epoch
    SheetFiles sheets;        ///< read once, so the hash and the parse see the same bytes
    std::string contentHash;  ///< SHA-256 over the three sheets (or their absence)
};

/// Looks at `folder`: the `marker` file, then reads the three sheets by their exact names (so *.tmp
/// and any other file are never read). Cheap when there is no marker.
DropSnapshot readDropFolder(const std::filesystem::path& folder, const std::string& marker);

}  // namespace finsam::connectors::forbund_csv
