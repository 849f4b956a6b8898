// core/store/batch_log.h — lineage of a batch: source records, quarantine, rejected sources, checkpoint.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/store/database.h"

namespace finsam::store {

/// One row read from a source, as lineage. Every stored fact points to one of these.
struct SourceRecordRow {
    std::int64_t id = 0;
    std::string source;
    std::int64_t line = 0;
    std::string entity;
    std::string payloadHash;
    std::string outcome;  ///< accepted | quarantined
};

/// A row that did not pass, with its reason. `message` and `payload` must already be redacted.
struct QuarantineRow {
    std::int64_t id = 0;  ///< equals its source record id
    std::string source;
    std::int64_t line = 0;
    std::int32_t column = 0;
    std::string field;
    std::string code;
    std::string message;
    std::string payload;
};

struct RejectedSourceRow {
    std::string source;
    std::string code;
    std::string message;
    std::int64_t rows = 0;
};

/// Counts of source rows (a row may feed several records); read = accepted + quarantined + rejectedRows.
struct BatchCounts {
    std::int64_t read = 0;
    std::int64_t accepted = 0;
    std::int64_t quarantined = 0;
    std::int64_t rejectedRows = 0;
    std::int64_t rejectedSources = 0;
};

/// Writes one batch's lineage. Every method runs inside the batch's transaction.
class BatchLog {
public:
    BatchLog(Database& database, std::string connector) : database_(database), connector_(std::move(connector)) {}

    /// The checkpoint committed last for this connector ("" = from the beginning).
    std::string checkpoint();

    void writeSourceRecords(std::int64_t batchId, const std::vector<SourceRecordRow>& rows);
    /// A source row read again (after a reprocess request, with a fixed mapping): its open quarantine item
    /// becomes `resolved` when the row is now accepted, `superseded` when it is quarantined anew. Call before
    /// writeQuarantine.
    void settleQuarantine(const std::set<std::pair<std::string, std::int64_t>>& accepted,
                          const std::vector<QuarantineRow>& requarantined);
    void writeQuarantine(std::int64_t batchId, const std::vector<QuarantineRow>& rows);
    void writeRejected(std::int64_t batchId, const std::vector<RejectedSourceRow>& rows);
    /// The batch's warnings (already free of identities), for the connector status.
    void writeWarnings(std::int64_t batchId, const std::vector<std::string>& warnings);
    /// Records the batch and moves the checkpoint, in the same transaction as its data.
    void finish(std::int64_t batchId, const std::string& startedAt, const BatchCounts& counts,
                const std::string& checkpoint);

private:
    Database& database_;
    std::string connector_;
};

/// Records a batch that read no source: a change the hub made itself (a reviewer's decision, re-scored
/// probabilistic matches), so its audit entries and feed events have a batch like every other change. `origin`
/// stands where a connector id would ("review", "linkage"); no checkpoint is written.
void recordInternalBatch(Database& database, std::int64_t batchId, const std::string& origin);

}  // namespace finsam::store
