// connectors/af-csv/src/snapshot_state.h — what the last applied snapshot held: the connector's checkpoint.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace finsam::connectors::af_csv {

/// One row of the last applied snapshot, as much as the next diff needs.
struct RowState {
    char kind = '?';  ///< 'E' (ERS, benefit period), 'I' (INS, participation), '?' (quarantined unread)
    std::string end;  ///< Ersattning_tom / Insats_slut, YYYY-MM-DD; empty = ongoing or unknown
};

struct FileRef {
    std::string name;
    std::string sha256;
    bool operator==(const FileRef&) const = default;
};

/// The checkpoint: files already applied (name and SHA-256: the same file is skipped), the date and rows of
/// the last applied snapshot, and a file held back by the shrink guard. Serialised as JSON; the host stores it
/// with the batch that applied the file, so a crash re-reads at most that file.
struct SnapshotState {
    std::vector<FileRef> applied;  ///< newest last; bounded (see kAppliedKept)
    std::string date;              ///< file date of the last applied snapshot, or "" before the first
    std::map<std::string, RowState> rows;  ///< Rad_id -> state
    std::optional<FileRef> held;   ///< refused by the shrink guard; applied once accept_shrink is set

    static constexpr std::size_t kAppliedKept = 800;  ///< two years of daily files

    bool wasApplied(const FileRef& file) const;
    void markApplied(FileRef file);

    std::string toJson() const;
    /// nullopt for text that is not a checkpoint of this connector ("" = start).
    static std::optional<SnapshotState> parse(const std::string& text);
};

}  // namespace finsam::connectors::af_csv
