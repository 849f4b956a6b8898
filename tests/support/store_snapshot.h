// tests/support/store_snapshot.h — the store's meaning without its randomness, to compare two runs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include "core/store/database.h"

namespace finsam::testing {

/// Canonical text of every entity and feed event: random person keys are replaced by the person's link key
/// and timestamps, event ids and lineage ids are left out; each event is numbered by its batch, not its seq
/// (within a commit, events of different keys follow their random person keys). Two runs over the same input with the same key
/// file give equal snapshots exactly when they hold the same facts and the same feed.
std::string canonicalSnapshot(store::Database& database);

/// The facts alone: the active entities, persons, active cross-organisation links and merged reports, without
/// the feed, the quarantine and retracted history (whose order and lineage depend on how sources were read). Two runs that read
/// the same sources in different orders must agree on it.
std::string canonicalState(store::Database& database);

/// The lines only one of two snapshots holds (each marked "- " for `expected`, "+ " for `actual`), at most
/// `limit`: what a failed comparison shows instead of two texts of megabytes.
std::string snapshotDifference(const std::string& expected, const std::string& actual, std::size_t limit = 40);

/// Asserts the feed holds `expected` events with seqs 1..expected and no event id twice: nothing lost, nothing
/// duplicated by crashes, stops or take-overs.
void expectEachEventOnce(store::Database& database, std::int64_t expected);

}  // namespace finsam::testing
