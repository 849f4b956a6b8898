// core/store/link_key_rekey.h — rewrites every stored link key under a new key, in one transaction.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/store/database.h"

namespace finsam::store {

/// PostgreSQL advisory lock a rekey holds for its whole transaction. A writer of link_key may take
/// it in shared mode (pg_advisory_xact_lock_shared) to wait for a running rekey instead of
/// interleaving with it. (7263001 is the migration lock.)
inline constexpr std::int64_t kKeyRotationLock = 7263002;

/// Rows fetched and rewritten per round trip: bounds memory whatever the size of the store.
inline constexpr std::size_t kRekeyBatchRows = 5000;

/// Maps one stored link key value (lowercase hex) to its value under the new key.
using LinkKeyDerivation = std::function<std::string(const std::string& value)>;

struct LinkKeyRekeyResult {
    std::int64_t rekeyed = 0;  ///< rows rewritten by this call
    /// True when every row already carried the new key id and none the old one: the store half of
    /// a rekey that was interrupted before its configuration was rewritten. Nothing was changed.
    bool resumed = false;
};

/// In one transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: kKeyRotationLock and an EXCLUSIVE lock
/// on link_key, which lets readers through but makes a concurrent ingest wait), sets
/// value = derive(value) and key_id = toKeyId on every link_key row whose key_id is fromKeyId, in
/// pages of `batchRows` (SQLite: along the rowid; PostgreSQL: from a cursor, one UPDATE per page),
/// each checked to update exactly its rows; then checks that no row is left under fromKeyId and
/// that exactly as many rows carry toKeyId as were counted before.
///
/// Refuses (std::runtime_error, nothing changed) when rows carry any other key id, or carry both
/// key ids (an ingest ran with the old configuration after an interrupted rekey). Any failure rolls
/// the whole transaction back. The messages name key ids and counts, never a value.
LinkKeyRekeyResult rekeyLinkKeys(Database& database, const std::string& fromKeyId,
                                 const std::string& toKeyId, const LinkKeyDerivation& derive,
                                 std::size_t batchRows = kRekeyBatchRows);

}  // namespace finsam::store
