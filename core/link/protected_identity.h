// core/link/protected_identity.h — skyddade personuppgifter: anonymous everywhere, also retroactively.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/work_record.h"
#include "core/store/database.h"
#include "core/store/entity_writer.h"

namespace finsam::link {

/// When any source marks a person protected, the hub keeps nothing that identifies them (architecture §4):
/// every organisation-scoped person with that link key loses its link keys and links, its participations
/// become anonymous, and the feed retracts what it published under the person. A one-way tag remembers the
/// protection so that later records of the identity arrive anonymous. Runs inside the batch's transaction.
class ProtectedIdentity {
public:
    explicit ProtectedIdentity(store::Database& database) : database_(database) {}

    /// True when `person`'s identity was marked protected before.
    bool isProtected(const model::PersonRef& person);

    /// Records the protection and anonymises what the store holds of the identity; returns the feed changes.
    std::vector<store::EntityChange> protect(const model::PersonRef& person, std::int64_t batchId);

private:
    std::set<std::string>& tags();
    std::vector<store::EntityChange> anonymisePerson(const std::string& personKey, std::int64_t batchId);

    store::Database& database_;
    std::optional<std::set<std::string>> tags_;  ///< loaded once per batch: the table is small, lookups many
};

}  // namespace finsam::link
