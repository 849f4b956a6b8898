// core/link/person_resolver.h — one organisation's records of one number are one person (architecture §4).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

#include "core/model/work_record.h"
#include "core/store/database.h"
#include "core/store/entity_writer.h"

namespace finsam::link {

struct ResolvedPerson {
    std::string personKey;
    std::optional<store::EntityChange> change;  ///< set when the person was created or their facts changed
};

/// Finds or creates the person behind a link key, within one organisation. Cross-organisation linking is
/// the consent engine's job and never happens here. Runs inside the caller's transaction.
class PersonResolver {
public:
    explicit PersonResolver(store::Database& database) : database_(database) {}

    ResolvedPerson resolve(const std::string& organisation, const model::PersonRef& person);

private:
    store::Database& database_;
};

}  // namespace finsam::link
