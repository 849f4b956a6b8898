// core/store/read_snapshot.h — one consistent, read-only view of the store for readers that take several queries
// (an export of all pages, an indicator report), so that what they read belongs together.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>

#include "core/store/database.h"

namespace finsam::store {

/// Runs `read` in a transaction that is rolled back: on PostgreSQL REPEATABLE READ READ ONLY (one snapshot for
/// every statement); SQLite's transaction already reads one snapshot.
void inReadSnapshot(Database& database, const std::function<void()>& read);

}  // namespace finsam::store
