// core/store/read_snapshot.cpp
// SPDX-License-Identifier: Apache-2.0
#include "core/store/read_snapshot.h"

namespace finsam::store {

void inReadSnapshot(Database& database, const std::function<void()>& read) {
    soci::transaction snapshot(database.session());
    if (database.backend() == Backend::kPostgresql) {
        database.session() << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY";
    }
    read();
    snapshot.rollback();
}

}  // namespace finsam::store
