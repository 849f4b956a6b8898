// core/store/entity_writer.h — upserts and retracts canonical entities, detecting real changes by content hash.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <vector>
#include <string>
#include <vector>

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
};

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

    /// Keys of active entities of `entity` last written by `connector`.
    std::set<std::string> activeKeys(const std::string& entity, const std::string& connector);

private:
    Database& database_;
};

}  // namespace finsam::store
