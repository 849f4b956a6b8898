// core/pipeline/batch_applier.cpp — stages, person resolution, entity writes, snapshot retractions, feed, lineage.
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/batch_applier.h"

#include <map>
#include <set>

#include "core/common/hash.h"
#include "core/feed/feed_writer.h"
#include "core/identity/redactor.h"
#include "core/link/person_resolver.h"
#include "core/store/entity_writer.h"

namespace finsam::pipeline {

namespace {

model::WorkRecord toWorkRecord(sdk::Record&& record, const BatchOrigin& origin) {
    model::WorkRecord work;
    work.connector = origin.connector;
    work.organisation = origin.organisation;
    work.entity = std::move(record.entity);
    work.sourceKey = std::move(record.key);
    work.retract = record.operation == sdk::Operation::kRetract;
    for (auto& field : record.fields) {
        work.columns.emplace(field.name, field.column);
        work.values[field.name].push_back(std::move(field.value));
    }
    work.source = std::move(record.position.source);
    work.line = record.position.line;
    work.raw = std::move(record.raw);
    return work;
}

// Entities a snapshot may retract: keys the batch still mentions (accepted or quarantined) stay.
struct SnapshotKeys {
    std::map<std::string, std::set<std::string>> seen;  ///< entity -> entity keys
    std::set<std::string> unknownKeyEntities;           ///< a row without a readable key: retract nothing
    bool unknownEntity = false;
};

}  // namespace

AppliedBatch BatchApplier::apply(BatchCollector& batch, const std::string& checkpoint, const std::string& startedAt) {
    AppliedBatch result;
    result.warnings = batch.warnings;
    store::BatchLog log(database_, origin_.connector);
    store::EntityWriter writer(database_);
    link::PersonResolver resolver(database_);
    feed::FeedWriter feedWriter(database_);

    soci::transaction transaction(database_.session());
    result.batchId = database_.allocate("batch", 1);
    const auto rows = static_cast<std::int64_t>(batch.records.size() + batch.problems.size());
    std::int64_t nextSourceId = rows > 0 ? database_.allocate("source_record", rows) : 0;

    std::vector<store::SourceRecordRow> lineage;
    std::vector<store::QuarantineRow> quarantine;
    std::vector<store::EntityChange> changes;
    SnapshotKeys snapshot;

    for (auto& problem : batch.problems) {
        std::int64_t id = nextSourceId++;
        lineage.push_back({id, problem.position.source, problem.position.line, problem.entity,
                           common::sha256Hex(problem.raw), "quarantined"});
        quarantine.push_back({id, problem.position.source, problem.position.line, problem.column, problem.field,
                              problem.code, identity::redactIdentities(problem.message),
                              identity::redactIdentities(problem.raw)});
        if (problem.key.empty() && problem.entity.empty()) {
            snapshot.unknownEntity = true;
        } else if (problem.key.empty()) {
            snapshot.unknownKeyEntities.insert(problem.entity);
        } else {
            snapshot.seen[problem.entity].insert(origin_.organisation + "/" + problem.key);
        }
    }
    for (auto& record : batch.records) {
        std::int64_t id = nextSourceId++;
        std::string payloadHash = common::sha256Hex(record.raw);
        model::WorkRecord work = toWorkRecord(std::move(record), origin_);
        work.sourceRecordId = id;
        snapshot.seen[work.entity].insert(work.entityKey());
        auto rejection = pipeline_.run(work);
        if (rejection) {
            lineage.push_back({id, work.source, work.line, work.entity, payloadHash, "quarantined"});
            quarantine.push_back({id, work.source, work.line, rejection->column, rejection->field, rejection->code,
                                  identity::redactIdentities(rejection->message),
                                  identity::redactIdentities(work.raw)});
            continue;
        }
        lineage.push_back({id, work.source, work.line, work.entity, payloadHash, "accepted"});
        if (work.retract) {
            changes.push_back(writer.retract(work.entity, work.entityKey(), id));
            continue;
        }
        std::string personKey;
        if (work.person) {
            auto person = resolver.resolve(work.organisation, *work.person);
            personKey = person.personKey;
            if (person.change) {
                changes.push_back(std::move(*person.change));
            }
        }
        changes.push_back(writer.upsert(work, personKey));
    }

    for (const auto& entity : batch.snapshots) {
        if (snapshot.unknownEntity || snapshot.unknownKeyEntities.count(entity) != 0) {
            result.warnings.push_back("snapshot of " + entity +
                                      " not applied to removals: a quarantined row has no readable key");
            continue;
        }
        const auto& seen = snapshot.seen[entity];
        for (const auto& key : writer.activeKeys(entity, origin_.connector)) {
            if (seen.count(key) == 0) {
                changes.push_back(writer.retract(entity, key, lineage.empty() ? 0 : lineage.back().id));
            }
        }
    }

    result.events = static_cast<std::int64_t>(feedWriter.append(changes, result.batchId).size());
    std::vector<store::RejectedSourceRow> rejected;
    for (const auto& source : batch.rejected) {
        rejected.push_back({source.position.source, source.code, identity::redactIdentities(source.message),
                            source.rows});
        result.counts.rejectedRows += source.rows;
    }
    result.counts.rejectedSources = static_cast<std::int64_t>(rejected.size());
    result.counts.quarantined = static_cast<std::int64_t>(quarantine.size());
    result.counts.accepted = static_cast<std::int64_t>(lineage.size() - quarantine.size());
    result.counts.read = result.counts.accepted + result.counts.quarantined + result.counts.rejectedRows;

    log.writeSourceRecords(result.batchId, lineage);
    log.writeQuarantine(result.batchId, quarantine);
    log.writeRejected(result.batchId, rejected);
    log.finish(result.batchId, startedAt, result.counts, checkpoint);
    transaction.commit();
    return result;
}

}  // namespace finsam::pipeline
