// core/feed/feed_writer.cpp — event types per change and the append itself.
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/feed_writer.h"

#include <cstdio>
#include <stdexcept>

#include "core/common/clock.h"
#include "core/common/hash.h"
#include "core/feed/event_schemas.h"
#include "core/feed/event_scope.h"

namespace finsam::feed {

std::string eventTypeFor(const store::EntityChange& change) {
    const std::string& entity = change.entity;
    const bool retracted = change.change == store::Change::kRetracted;
    if (entity == "deltagande") {
        if (retracted) {
            return "deltagande.retracted";
        }
        if (change.endedNow) {
            return "deltagande.ended";
        }
        return change.change == store::Change::kUpdated ? "deltagande.updated" : "deltagande.started";
    }
    if (entity == "deltagande_duplicate") {
        return retracted ? "deltagande.unmerged" : "deltagande.merged";
    }
    if (entity == "ersattningsperiod") {
        return retracted ? "ersattning.cancelled" : "ersattning.upserted";
    }
    if (entity == "samtycke") {
        return retracted ? "samtycke.retracted" : "samtycke.changed";
    }
    if (entity == "person_link") {
        return retracted ? "person.unlinked" : "person.linked";
    }
    if (entity == "person") {
        return retracted ? "person.retracted" : "person.upserted";
    }
    return entity + (retracted ? ".retracted" : ".upserted");
}

std::vector<FeedEvent> FeedWriter::append(const std::vector<store::EntityChange>& changes,
                                          std::int64_t batchId) {
    std::vector<FeedEvent> events;
    std::vector<std::string> forbunds;
    std::vector<soci::indicator> forbundIndicators;
    EventScope scope(database_);
    // Event ids: 64 random bits per append and the event's index in it — unique without a system call per event.
    const std::string prefix = common::randomHex(8);
    const std::string now = common::nowUtcIso();
    auto add = [&](const store::EntityChange& change, std::string type) {
        char index[17];
        std::snprintf(index, sizeof index, "%016zx", events.size());
        events.push_back(FeedEvent{0, prefix + index, now, std::move(type), change.entityKey, kSchemaVersion,
                                   change.payload});
        auto forbund = scope.forbundOf(change);
        forbunds.push_back(forbund.value_or(""));
        forbundIndicators.push_back(forbund ? soci::i_ok : soci::i_null);
    };
    for (const auto& change : changes) {
        if (change.change == store::Change::kUnchanged) {
            continue;
        }
        // A participation first seen already ended still started: consumers get both, in order.
        const bool arrivedEnded = change.entity == "deltagande" && change.endedNow &&
                                  (change.change == store::Change::kInserted ||
                                   change.change == store::Change::kReactivated);
        if (arrivedEnded) {
            add(change, "deltagande.started");
        }
        add(change, eventTypeFor(change));
    }
    if (events.empty()) {
        return events;
    }
    std::int64_t seq = database_.allocate("feed", static_cast<std::int64_t>(events.size()));
    // One bulk statement per batch (SOCI vector binding): a round trip per event dominates on PostgreSQL.
    std::vector<long long> seqs, batches(events.size(), batchId);
    std::vector<int> versions;
    std::vector<std::string> ids, times, types, keys, payloads;
    for (auto& event : events) {
        event.seq = seq++;
        seqs.push_back(event.seq);
        versions.push_back(event.schemaVersion);
        ids.push_back(event.eventId);
        times.push_back(event.occurredAt);
        types.push_back(event.type);
        keys.push_back(event.entityKey);
        payloads.push_back(event.payload);
    }
    // Tests switch this on for every event they produce: a payload and its published schema cannot drift apart.
    if (eventValidationSwitchedOn()) {
        for (const auto& event : events) {
            if (auto problem = EventSchemas::embedded().validate(event)) {
                throw std::logic_error("feed event " + event.type + " violates its schema: " + *problem);
            }
        }
    }
    database_.session() << "INSERT INTO feed_event (seq, event_id, occurred_at, type, entity_key, schema_version, "
                           "payload, batch_id, forbund) VALUES (:s, :i, :o, :t, :k, :v, :p, :b, :f)",
        soci::use(seqs), soci::use(ids), soci::use(times), soci::use(types), soci::use(keys), soci::use(versions),
        soci::use(payloads), soci::use(batches), soci::use(forbunds, forbundIndicators);
    return events;
}

}  // namespace finsam::feed
