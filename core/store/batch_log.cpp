// core/store/batch_log.cpp — bulk inserts of lineage rows (SOCI vector binding: one round trip per table).
// SPDX-License-Identifier: Apache-2.0
#include "core/store/batch_log.h"

#include "core/common/clock.h"
#include "core/common/hash.h"

namespace finsam::store {

std::string BatchLog::checkpoint() {
    std::string value;
    database_.session() << "SELECT checkpoint FROM connector_checkpoint WHERE connector = :c", soci::use(connector_),
        soci::into(value);
    return database_.session().got_data() ? value : std::string();
}

void BatchLog::writeSourceRecords(std::int64_t batchId, const std::vector<SourceRecordRow>& rows) {
    if (rows.empty()) {
        return;
    }
    std::vector<long long> ids, lines;
    std::vector<std::string> sources, entities, hashes, outcomes;
    for (const auto& row : rows) {
        ids.push_back(row.id);
        lines.push_back(row.line);
        sources.push_back(row.source);
        entities.push_back(row.entity);
        hashes.push_back(row.payloadHash);
        outcomes.push_back(row.outcome);
    }
    std::vector<std::string> connectors(rows.size(), connector_);
    std::vector<long long> batches(rows.size(), batchId);
    std::vector<std::string> received(rows.size(), common::nowUtcIso());
    database_.session() << "INSERT INTO source_record (id, connector, batch_id, source, line, entity, payload_hash, "
                           "received_at, outcome) VALUES (:i, :c, :b, :s, :l, :e, :h, :r, :o)",
        soci::use(ids), soci::use(connectors), soci::use(batches), soci::use(sources), soci::use(lines),
        soci::use(entities), soci::use(hashes), soci::use(received), soci::use(outcomes);
}

void BatchLog::settleQuarantine(const std::set<std::pair<std::string, std::int64_t>>& accepted,
                                const std::vector<QuarantineRow>& requarantined) {
    long long open = 0;
    database_.session() << "SELECT COUNT(*) FROM quarantine WHERE connector = :c AND state = 'open'",
        soci::use(connector_), soci::into(open);
    if (open == 0) {
        return;  // the usual case: nothing to settle, and no statement per row
    }
    auto settle = [&](const std::string& source, std::int64_t line, const char* state) {
        database_.execute(std::string("UPDATE quarantine SET state = '") + state +
                              "' WHERE connector = :p0 AND source = :p1 AND line = :p2 AND state = 'open'",
                          {connector_, source, std::to_string(line)});
    };
    for (const auto& [source, line] : accepted) {
        settle(source, line, "resolved");
    }
    for (const auto& row : requarantined) {
        settle(row.source, row.line, "superseded");
    }
}

void BatchLog::writeQuarantine(std::int64_t batchId, const std::vector<QuarantineRow>& rows) {
    long long batch = batchId;
    std::string now = common::nowUtcIso();
    for (const auto& row : rows) {
        long long id = row.id;
        long long line = row.line;
        int column = row.column;
        database_.session() << "INSERT INTO quarantine (id, connector, batch_id, source, line, column_no, field, "
                               "code, message, payload, state, created_at) "
                               "VALUES (:i, :c, :b, :s, :l, :col, :f, :code, :m, :p, 'open', :t)",
            soci::use(id), soci::use(connector_), soci::use(batch), soci::use(row.source), soci::use(line),
            soci::use(column), soci::use(row.field), soci::use(row.code), soci::use(row.message),
            soci::use(row.payload), soci::use(now);
    }
}

void BatchLog::writeRejected(std::int64_t batchId, const std::vector<RejectedSourceRow>& rows) {
    long long batch = batchId;
    std::string now = common::nowUtcIso();
    for (const auto& row : rows) {
        long long count = row.rows;
        database_.session() << "INSERT INTO rejected_source (batch_id, connector, source, code, message, rows_count, "
                               "created_at) VALUES (:b, :c, :s, :code, :m, :r, :t)",
            soci::use(batch), soci::use(connector_), soci::use(row.source), soci::use(row.code),
            soci::use(row.message), soci::use(count), soci::use(now);
    }
}

void BatchLog::writeWarnings(std::int64_t batchId, const std::vector<std::string>& warnings) {
    if (warnings.empty()) {
        return;
    }
    long long id = database_.allocate("connector_warning", static_cast<std::int64_t>(warnings.size()));
    long long batch = batchId;
    std::string now = common::nowUtcIso();
    for (const auto& warning : warnings) {
        database_.session() << "INSERT INTO connector_warning (id, connector, batch_id, at, message) "
                               "VALUES (:i, :c, :b, :t, :m)",
            soci::use(id), soci::use(connector_), soci::use(batch), soci::use(now), soci::use(warning);
        ++id;
    }
}

void BatchLog::finish(std::int64_t batchId, const std::string& startedAt, const BatchCounts& counts,
                      const std::string& checkpoint) {
    long long batch = batchId;
    long long read = counts.read, accepted = counts.accepted, quarantined = counts.quarantined;
    long long rejectedRows = counts.rejectedRows, rejectedSources = counts.rejectedSources;
    std::string now = common::nowUtcIso();
    auto& sql = database_.session();
    // The batch row names its checkpoint by hash: a stateful connector's checkpoint (the kommun's payment join)
    // runs to hundreds of kB, and only the latest one is ever read (connector_checkpoint).
    std::string checkpointHash = "sha256:" + common::sha256Hex(checkpoint);
    const auto started = common::unixSecondsOfIso(startedAt);
    const auto committed = common::unixSecondsOfIso(now);
    long long durationMs = started && committed ? static_cast<long long>((*committed - *started) * 1000) : 0;
    sql << "INSERT INTO batch (id, connector, started_at, committed_at, records_read, accepted, quarantined, "
           "rejected_rows, rejected_sources, checkpoint, duration_ms) "
           "VALUES (:i, :c, :s, :t, :r, :a, :q, :rr, :rs, :cp, :d)",
        soci::use(batch), soci::use(connector_), soci::use(startedAt), soci::use(now), soci::use(read),
        soci::use(accepted), soci::use(quarantined), soci::use(rejectedRows), soci::use(rejectedSources),
        soci::use(checkpointHash), soci::use(durationMs);
    sql << "DELETE FROM connector_checkpoint WHERE connector = :c", soci::use(connector_);
    sql << "INSERT INTO connector_checkpoint (connector, checkpoint, batch_id, updated_at) VALUES (:c, :cp, :b, :t)",
        soci::use(connector_), soci::use(checkpoint), soci::use(batch), soci::use(now);
}

void recordInternalBatch(Database& database, std::int64_t batchId, const std::string& origin) {
    long long batch = batchId;
    const std::string now = common::nowUtcIso();
    database.session() << "INSERT INTO batch (id, connector, started_at, committed_at, records_read, accepted, "
                          "quarantined, rejected_rows, rejected_sources, checkpoint, duration_ms) VALUES (:i, :c, :s, "
                          ":t, 0, 0, 0, 0, 0, '', 0)",
        soci::use(batch), soci::use(origin), soci::use(now), soci::use(now);
}

}  // namespace finsam::store
