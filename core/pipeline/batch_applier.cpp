// core/pipeline/batch_applier.cpp — stages, person resolution, entity writes, snapshot retractions, feed, lineage.
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/batch_applier.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "core/common/hash.h"
#include "core/common/clock.h"
#include "core/consent/cited_consents.h"
#include "core/consent/consent_registry.h"
#include "core/consent/follow_up_window.h"
#include "core/consent/pending_citations.h"
#include "core/consent/validity_coverage.h"
#include "core/link/link_engine.h"
#include "core/link/protected_identity.h"
#include "core/feed/feed_writer.h"
#include "core/identity/redactor.h"
#include "core/link/person_resolver.h"
#include "core/link/person_encodings.h"
#include "core/link/probabilistic_linker.h"
#include "core/model/entity_spec.h"
#include "core/store/entity_writer.h"
#include "core/store/link_key_rekey.h"

namespace finsam::pipeline {

namespace {

// The identity cells' exact text goes from the raw row before anything else sees it, whatever its shape
// (a number typed with odd spacing escapes a shape-based redactor); the redactor then catches the rest.
// Every occurrence is found in the original row first and replaced after: a value that is part of the
// marker itself (a one-letter name "n") cannot be found again inside a marker.
std::string blankIdentities(const sdk::Record& record) {
    const std::string& raw = record.raw;
    std::vector<bool> blanked(raw.size(), false);
    const auto* spec = model::findEntity(record.entity);
    for (const auto& field : record.fields) {
        const auto* fieldSpec = spec == nullptr ? nullptr : spec->field(field.name);
        if (fieldSpec == nullptr || fieldSpec->type != model::FieldType::kIdentity || field.value.empty()) {
            continue;
        }
        for (auto at = raw.find(field.value); at != std::string::npos; at = raw.find(field.value, at + 1)) {
            std::fill_n(blanked.begin() + static_cast<std::ptrdiff_t>(at), field.value.size(), true);
        }
    }
    std::string kept;
    kept.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (!blanked[i]) {
            kept += raw[i];
        } else if (i == 0 || !blanked[i - 1]) {
            kept += "[pnr]";
        }
    }
    return identity::redactIdentities(kept);
}

model::WorkRecord toWorkRecord(sdk::Record&& record, const BatchOrigin& origin) {
    model::WorkRecord work;
    work.raw = blankIdentities(record);  // before the field values move out of `record`
    std::fill(record.raw.begin(), record.raw.end(), '\0');
    work.connector = origin.connector;
    work.organisation = origin.organisation;
    work.entity = std::move(record.entity);
    work.sourceKey = std::move(record.key);
    work.retract = record.operation == sdk::Operation::kRetract;
    work.amendment = record.operation == sdk::Operation::kAmend;
    for (auto& field : record.fields) {
        work.columns.emplace(field.name, field.column);
        work.values[field.name].push_back(std::move(field.value));
    }
    work.source = std::move(record.position.source);
    work.line = record.position.line;
    return work;
}

struct Processed {
    model::WorkRecord work;
    std::optional<model::Rejection> rejection;
    std::int64_t id = 0;
};

// Entities a snapshot may retract: keys the batch still mentions (accepted or quarantined) stay.
struct SnapshotKeys {
    std::map<std::string, std::set<std::string>> seen;  ///< entity -> entity keys
    std::set<std::string> unknownKeyEntities;           ///< a row without a readable key: retract nothing
    bool unknownEntity = false;
};

}  // namespace

ApplySettings applySettingsOf(const config::HubConfig& config) {
    ApplySettings settings;
    settings.window = consent::WindowConfig{config.followUpYearsBefore, config.followUpMonthsAfter};
    if (!config.duplicatePrecedence.empty()) {
        settings.precedence.defaultOrder = config.duplicatePrecedence;
    }
    settings.precedence.fields = config.duplicateFieldPrecedence;
    settings.citationGraceDays = config.citationGraceDays;
    settings.probabilistic = config.probabilisticLinkage;
    settings.thresholds = {config.linkUpperThreshold, config.linkLowerThreshold};
    return settings;
}

AppliedBatch BatchApplier::apply(BatchCollector& batch, const std::string& checkpoint, const std::string& startedAt) {
    AppliedBatch result;
    result.warnings = batch.warnings;
    store::BatchLog log(database_, origin_.connector);
    store::EntityWriter writer(database_);
    link::PersonResolver resolver(database_);
    link::PersonEncodings encodings(database_);
    feed::FeedWriter feedWriter(database_);

    soci::transaction transaction(database_.session());
    if (database_.backend() == store::Backend::kPostgresql) {
        // Shared with every other batch, exclusive with `rekey`: no batch writes link keys mid-rotation.
        database_.session() << "SELECT pg_advisory_xact_lock_shared(" << store::kKeyRotationLock << ")";
    }
    result.batchId = database_.allocate("batch", 1);
    const auto rows = static_cast<std::int64_t>(batch.records.size() + batch.problems.size());
    std::int64_t nextSourceId = rows > 0 ? database_.allocate("source_record", rows) : 0;

    std::vector<store::SourceRecordRow> lineage;
    std::vector<store::QuarantineRow> quarantine;
    std::vector<store::EntityChange> changes;
    std::set<std::string> touchedPersons;  ///< persons whose cross-organisation links must be re-decided
    SnapshotKeys snapshot;
    // Counts are of source rows, not records: one insatser row may feed two entities.
    std::set<std::pair<std::string, std::int64_t>> acceptedRows, quarantinedRows;

    for (auto& problem : batch.problems) {
        std::int64_t id = nextSourceId++;
        // Lineage hashes cover redacted text only: a plain hash of a row holding a number is brute-forceable.
        std::string payload = identity::redactIdentities(problem.raw);
        lineage.push_back({id, problem.position.source, problem.position.line, problem.entity,
                           common::sha256Hex(payload), "quarantined"});
        quarantine.push_back({id, problem.position.source, problem.position.line, problem.column, problem.field,
                              problem.code, identity::redactIdentities(problem.message), payload});
        quarantinedRows.emplace(problem.position.source, problem.position.line);
        if (problem.key.empty() && problem.entity.empty()) {
            snapshot.unknownEntity = true;
        } else if (problem.key.empty()) {
            snapshot.unknownKeyEntities.insert(problem.entity);
        } else {
            snapshot.seen[problem.entity].insert(origin_.organisation + "/" + problem.key);
        }
    }
    // Pass 1: every record through the stages, so the batch's own consents are known before any
    // participation that cites them is written (the register lists samtycken after deltaganden).
    std::vector<Processed> processed;
    processed.reserve(batch.records.size());
    consent::CitedConsents consents(database_);
    for (auto& record : batch.records) {
        Processed item{toWorkRecord(std::move(record), origin_), std::nullopt, nextSourceId++};
        item.work.sourceRecordId = item.id;
        snapshot.seen[item.work.entity].insert(item.work.entityKey());
        item.rejection = pipeline_.run(item.work);
        if (!item.rejection && item.work.entity == "samtycke") {
            consents.remember(item.work);
        }
        processed.push_back(std::move(item));
    }
    // Pass 2: lineage, quarantine, people and entities, in source order.
    link::ProtectedIdentity protection(database_);
    consent::PendingCitations pending(database_);
    consent::ValidityCoverage validityCoverage(database_);
    // Participations citing no consent are placed after the batch's other records: a consent later in the
    // same batch then counts as it would from an earlier batch.
    std::vector<model::WorkRecord*> uncited;
    std::vector<model::PersonRef> protectedNow;  ///< identities the batch marks protected
    const std::string today = consent::formatIsoDate(common::todayInSweden());
    // Writes one record: a participation keeps its person only under a consent of that person.
    auto place = [&](model::WorkRecord& work) {
        if (work.entity == "deltagande") {
            pending.drop(work.entityKey());  // a newer delivery supersedes what was held
        }
        const bool protectedBefore = work.person && protection.isProtected(*work.person);
        // A citation must name a consent of this person; a participation citing none is covered by one of
        // the person's consents in force at its start, if any.
        std::optional<std::string> withdrawnAt;
        if (work.entity == "deltagande" && work.person && !protectedBefore) {
            withdrawnAt = work.value("samtycke_ref").empty()
                              ? validityCoverage.coveringWithdrawal(work)
                              : consents.covers(work) ? std::optional(consents.withdrawnAt(work)) : std::nullopt;
        }
        if (work.entity == "deltagande" && work.person && !withdrawnAt) {
            consent::makeAnonymous(work);  // protected, or no consent of this person covers it
        } else if (work.entity == "deltagande" && work.person) {
            consent::endAtWithdrawal(work, *withdrawnAt);
        } else if (protectedBefore) {
            work.person.reset();
            work.anonymous = true;
        }
        std::string personKey;
        if (work.person) {
            auto person = resolver.resolve(work.organisation, *work.person);
            personKey = person.personKey;
            touchedPersons.insert(personKey);
            if (!work.person->encoding.empty()) {
                encodings.record(personKey, work.organisation, *work.person);
            }
            if (person.change) {
                changes.push_back(std::move(*person.change));
            }
        }
        changes.push_back(writer.upsert(work, personKey));
    };
    // A delivered record (not a held one released later): an amendment of something never held is worth a warning.
    auto placeDelivered = [&](model::WorkRecord& work) {
        place(work);
        if (work.amendment && changes.back().change == store::Change::kInserted) {
            result.warnings.push_back(work.source + " line " + std::to_string(work.line) + ": amends " +
                                      work.entityKey() + ", which the hub never held: kept as new");
        }
    };
    for (auto& [work, rejection, id] : processed) {
        const std::string payloadHash = common::sha256Hex(work.raw);
        if (rejection) {
            lineage.push_back({id, work.source, work.line, work.entity, payloadHash, "quarantined"});
            quarantine.push_back({id, work.source, work.line, rejection->column, rejection->field, rejection->code,
                                  identity::redactIdentities(rejection->message), work.raw});
            quarantinedRows.emplace(work.source, work.line);
            continue;
        }
        lineage.push_back({id, work.source, work.line, work.entity, payloadHash, "accepted"});
        if (work.line > 0) {
            acceptedRows.emplace(work.source, work.line);  // line 0: derived by the connector, not a row read
        }
        if (work.retract) {
            pending.drop(work.entityKey());
            changes.push_back(writer.retract(work.entity, work.entityKey(), id));
            if (changes.back().change == store::Change::kUnchanged && work.line > 0 &&
                !writer.exists(work.entity, work.entityKey())) {
                result.warnings.push_back(work.source + " line " + std::to_string(work.line) + ": cancels " +
                                          work.entityKey() + ", which the hub never held: ignored");
            }
            continue;
        }
        if (work.protectedPerson) {
            auto anonymised = protection.protect(*work.protectedPerson, result.batchId);
            changes.insert(changes.end(), anonymised.begin(), anonymised.end());
            protectedNow.push_back(*work.protectedPerson);
        }
        // Another organisation's citation of a consent not read yet is held — once: a participation already
        // placed (its grace ran out) is not held again by its next delivery. The förbund's register carries its
        // own consents, so a citation there of one it lacks is simply uncovered.
        if (work.entity == "deltagande" && work.person && !work.value("samtycke_ref").empty() &&
            link::reportRole(work.organisation) != "forbund" &&
            !protection.isProtected(*work.person) && !consents.covers(work) && !consents.citedExists(work) &&
            !database_.queryRow("SELECT 1 FROM deltagande WHERE entity_key = :p0", {work.entityKey()}, 1)) {
            pending.hold(work, result.batchId, today, settings_.citationGraceDays);
            continue;
        }
        if (work.entity == "deltagande" && work.person && work.value("samtycke_ref").empty()) {
            uncited.push_back(&work);
            continue;
        }
        placeDelivered(work);
    }
    for (auto& held : pending.ofProtected(protectedNow)) {
        place(held);  // anonymous: nothing of a protected identity waits
    }
    for (auto* work : uncited) {
        placeDelivered(*work);
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

    // Consents keep every version; retracted consents and participations change what may be linked.
    consent::ConsentRegistry registry(database_);
    std::vector<std::string> recordedConsents;
    for (const auto& change : changes) {
        registry.recordVersion(change, result.batchId);
        if (change.change == store::Change::kRetracted && change.entity == "samtycke") {
            touchedPersons.insert(registry.personOfConsent(change.entityKey));
        } else if (change.change != store::Change::kUnchanged && change.entity == "samtycke") {
            recordedConsents.push_back(change.entityKey);
        }
    }
    // Participations held for a consent now recorded are placed identified; those held too long, anonymous.
    std::map<std::string, const model::PersonRef*> deliveredConsents;  ///< consent key -> its person as read
    for (const auto& item : processed) {
        if (item.work.entity == "samtycke" && item.work.person) {
            deliveredConsents.emplace(item.work.entityKey(), &*item.work.person);
        }
    }
    for (const auto& consentKey : recordedConsents) {
        const auto delivered = deliveredConsents.find(consentKey);
        for (auto& held : pending.releasedBy(consentKey, delivered == deliveredConsents.end() ? nullptr
                                                                                             : delivered->second)) {
            place(held);
        }
    }
    for (auto& held : pending.expired(today)) {
        place(held);
    }
    touchedPersons.erase("");
    if (settings_.probabilistic) {
        // A match makes two persons counterparts; the link engine then decides, under consent, as for a shared key.
        auto matched = link::ProbabilisticLinker(database_, settings_.thresholds).match(touchedPersons);
        touchedPersons.insert(matched.begin(), matched.end());
    }
    auto links = link::LinkEngine(database_, settings_.window).reconcile(touchedPersons, result.batchId,
                                                                         common::todayInSweden());
    changes.insert(changes.end(), links.begin(), links.end());
    // After the links: whether two identified reports are one person's depends on them.
    auto merges = link::DuplicateReports(database_, settings_.precedence, settings_.window).reconcile(changes, result.batchId);
    changes.insert(changes.end(), merges.begin(), merges.end());

    result.events = static_cast<std::int64_t>(feedWriter.append(changes, result.batchId).size());
    std::vector<store::RejectedSourceRow> rejected;
    for (const auto& source : batch.rejected) {
        rejected.push_back({source.position.source, source.code, identity::redactIdentities(source.message),
                            source.rows});
        result.counts.rejectedRows += source.rows;
    }
    result.counts.rejectedSources = static_cast<std::int64_t>(rejected.size());
    for (const auto& position : batch.folded) {
        if (position.line > 0) {
            acceptedRows.emplace(position.source, position.line);
        }
    }
    // A row with any record quarantined counts as quarantined: its reason is on record, and it is not whole.
    for (const auto& row : quarantinedRows) {
        acceptedRows.erase(row);
    }
    result.counts.quarantined = static_cast<std::int64_t>(quarantinedRows.size());
    result.counts.accepted = static_cast<std::int64_t>(acceptedRows.size());
    result.counts.read = result.counts.accepted + result.counts.quarantined + result.counts.rejectedRows;

    log.writeSourceRecords(result.batchId, lineage);
    log.settleQuarantine(acceptedRows, quarantine);
    log.writeQuarantine(result.batchId, quarantine);
    log.writeRejected(result.batchId, rejected);
    for (auto& warning : result.warnings) {
        warning = identity::redactIdentities(warning);
    }
    log.writeWarnings(result.batchId, result.warnings);
    log.finish(result.batchId, startedAt, result.counts, checkpoint);
    if (settings_.beforeCommit) {
        settings_.beforeCommit(database_);
    }
    transaction.commit();
    return result;
}

}  // namespace finsam::pipeline
