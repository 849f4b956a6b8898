// connectors/af-csv/src/snapshot_diff.h — what left the snapshot: aged out (keep) or withdrawn (retract).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

#include "snapshot_state.h"

namespace finsam::connectors::af_csv {

struct Withdrawal {
    std::string id;
    char kind = '?';
};

struct SnapshotDiff {
    std::vector<Withdrawal> withdrawn;  ///< absent although they should still be present: retract
    std::size_t agedOut = 0;            ///< absent because their end date is past the window: keep
    std::size_t expected = 0;           ///< rows of the last snapshot that should still be present
    /// af-csv.md: withdrawals of more than half of the rows that should still be present are suspicious.
    bool suspicious() const { return !withdrawn.empty() && withdrawn.size() * 2 > expected; }
};

/// The first day a row must end on or after to stay in a snapshot dated `fileDate`: `months` before it
/// (clamped to the month's last day).
std::string windowStart(const std::string& fileDate, int months);

/// Compares the last applied snapshot with the Rad_ids present in the new one (dated `fileDate`).
SnapshotDiff diffSnapshots(const std::map<std::string, RowState>& previous,
                           const std::map<std::string, RowState>& current, const std::string& fileDate,
                           int agedOutMonths);

}  // namespace finsam::connectors::af_csv
