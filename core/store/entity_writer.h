// core/store/entity_writer.h — upserts and retracts canonical entities, detecting real changes by content hash.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/entity_spec.h"
#include "core/model/work_record.h"
#include "core/store/database.h"

namespace finsam::store {

enum class Change { kUnchanged, kInserted, kUpdated, kReactivated, kRetracted };

/// What a write did, with the stored state as pseudonymous JSON (the feed payload) when something changed.
struct EntityChange {
    Change change = Change::kUnchanged;
    std::string entity;
    std::string entityKey;
    std::string payload;        ///< JSON object; never an identity value or link key
    bool endedNow = false;      ///< deltagande: slutdatum newly set by this write
    /// deltagande: the (insats_id, startdatum) groups of reports this write touched — the new one and, when
    /// it moved or was retracted, the one it left — for link/duplicate_reports.h.
    std::vector<std::pair<std::string, std::string>> reportGroups{};
};

/// An active entity as stored: its record (values as columns hold them) and its person.
struct StoredEntity {
    model::WorkRecord record;
    std::string personKey;  ///< empty when anonymous or none
};

/// Field values a resolution replaced: field -> the values before (empty vector = the field was absent).
using ReplacedValues = std::map<std::string, std::vector<std::string>>;

/// The stored state of `record` as JSON, fields in schema order, so equal states hash equally. `forFeed` leaves
/// out fields that are stored but never published: that is the feed payload, and the current-state item
/// (feed/current_state.h) built from the columns.
std::string payloadOf(const model::EntitySpec& spec, const model::WorkRecord& record, const std::string& personKey,
                      bool forFeed);

/// Writes entities into their tables. Columns are the canonical field names (model/entity_spec.h).
/// Every method runs inside the caller's transaction.
class EntityWriter {
public:
    explicit EntityWriter(Database& database) : database_(database) {}

    /// Stores `record` (its person already resolved to `personKey`, empty when anonymous or none).
    EntityChange upsert(const model::WorkRecord& record, const std::string& personKey);

    /// Marks the entity retracted. kUnchanged when it is unknown or already retracted.
    EntityChange retract(const std::string& entity, const std::string& entityKey, std::int64_t sourceRecordId);

    /// The active entities of `entity` held for person `personKey`, read back as records (lists parsed), so
    /// they can be rewritten through upsert() with the same hashing as a delivery.
    std::vector<model::WorkRecord> loadForPerson(const std::string& entity, const std::string& personKey);

    /// Active entities of `entity` matching `condition` (SQL over its columns, parameters :p0, :p1, …).
    std::vector<StoredEntity> loadWhere(const std::string& entity, const std::string& condition,
                                        const std::vector<std::string>& params);

    /// Overwrites a deltagande's columns with values resolved from several reports, keeping its content hash
    /// (the hash of its own delivery, so an unchanged redelivery stays unchanged) and `replaced`, what its
    /// delivery said for the fields the resolution changed. kUnchanged when the columns already hold it.
    EntityChange writeResolved(const model::WorkRecord& record, const std::string& personKey,
                               const ReplacedValues& replaced);

    /// True when the store holds `entityKey` of `entity`, in any state.
    bool exists(const std::string& entity, const std::string& entityKey);

    /// Keys of active entities of `entity` last written by `connector`.
    std::set<std::string> activeKeys(const std::string& entity, const std::string& connector);

private:
    Database& database_;
};

}  // namespace finsam::store
