// connectors/fk-fixed/src/checkpoint.h — the opaque checkpoint: batch numbers, handled files and
// the file being applied.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "batch_sequence.h"

namespace finsam::connectors::fk_fixed {

/// A batch file that needs no more reading (applied, refused or skipped as a duplicate), named by
/// its path relative to drop_dir plus size and modification time: a file rewritten in place is
/// new.
struct HandledFile {
    std::string path;
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;
    std::int64_t batch = 0;  ///< from its header; 0 when it had none
    std::string outcome;     ///< "applied", "rejected" or "duplicate"
};

/// The batch file being applied: the lines before `nextLine` (from byte `nextOffset`) are in the
/// store. `sha256` is the plain digest of the whole file, checked before the rest is read.
struct FileInProgress {
    std::string path;
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;
    std::string sha256;
    std::int64_t batch = 0;
    std::int64_t nextLine = 0;
    std::uint64_t nextOffset = 0;
};

/// Text form (README "Checkpoint"), written deterministically:
/// {"v":1,"last_batch":41,"missing_batches":[[40,40]],
///  "files":[{"path":..,"size":..,"mtime_ns":..,"batch":..,"outcome":..}, ...],
///  "current":{"path":..,"size":..,"mtime_ns":..,"sha256":..,"batch":..,"next_line":..,
///             "next_offset":..}}   ("current" only while a file is being applied)
struct Checkpoint {
    std::int64_t lastBatch = 0;
    std::vector<BatchRange> missingBatches;
    std::vector<HandledFile> files;
    std::optional<FileInProgress> current;

    std::string toString() const;
    /// nullopt for text this connector did not write; "" is the empty checkpoint.
    static std::optional<Checkpoint> parse(const std::string& text);
};

}  // namespace finsam::connectors::fk_fixed
