// plugins/mapped-csv/src/mapped_csv_run.h — one run over the drop folder, file by file, batch by
// batch.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include "file_checkpoint.h"
#include "file_cursor.h"
#include "finsam/sdk/connector.h"
#include "known_hashes.h"
#include "mapped_csv_settings.h"

namespace finsam::connectors::mapped_csv {

/// Each readBatch() works on one file: the one the checkpoint was in the middle of, else the first
/// matching file (name order) whose name and SHA-256 are not applied yet.
///  - append: at most maxRecords rows per batch; the checkpoint names file, SHA-256 and row offset,
///    so a crash replays exactly the uncommitted batch.
///  - snapshot: the whole file in one batch, then snapshotComplete(entity). connector.h: the host
///    retracts what *that batch* did not mention, so a snapshot split over batches would retract
///    the rows of its earlier batches; connector.h lets an all-or-nothing unit exceed maxRecords.
/// A file refused whole (encoding, CSV syntax, header) is rejected with its row count and marked
/// applied, so it is not refused again until its content changes. Drained when no file is left.
class MappedCsvRun : public sdk::ConnectorRun {
public:
    /// `logger` may be null; owned by the host.
    MappedCsvRun(Settings settings, FileCheckpoint checkpoint, sdk::Logger* logger);

    sdk::BatchOutcome readBatch(std::size_t maxRecords, sdk::RecordSink& sink) override;

private:
    sdk::BatchOutcome readOnce(std::size_t maxRecords, sdk::RecordSink& sink);
    enum class Next { kOpened, kRejected, kNone, kUnreadable };

    bool resume(sdk::RecordSink& sink, std::string& why);
    /// Opens the first unapplied file among `names`, or rejects it whole. kUnreadable sets `why`.
    Next openNext(const std::vector<std::string>& names, sdk::RecordSink& sink, std::string& why);
    void finishFile(sdk::RecordSink& sink);
    void log(sdk::Logger::Level level, const std::string& message) const;

    Settings settings_;  ///< cursors refer to it: never reassigned
    FileCheckpoint checkpoint_;
    std::unique_ptr<FileCursor> cursor_;
    KnownHashes hashes_;
    sdk::Logger* logger_;
};

}  // namespace finsam::connectors::mapped_csv
