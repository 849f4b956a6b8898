// core/feed/event_scope.h — the förbund an event belongs to, so a token limited to one förbund reads only its own.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/store/database.h"
#include "core/store/entity_writer.h"

namespace finsam::feed {

/// Resolves within the batch's transaction (the entity rows are already written). Insatser and their budgets
/// belong to the förbund that registers them; a deltagande (and its duplicate reports) to the förbund of its
/// insats; a samtycke to the förbund of the insats it is given for, else to the förbund that recorded it. Persons, links and benefit
/// periods are förbund-neutral (nullopt): they describe a person, not a förbund's register.
class EventScope {
public:
    explicit EventScope(store::Database& database) : database_(database) {}

    std::optional<std::string> forbundOf(const store::EntityChange& change);

private:
    std::optional<std::string> forbundOfInsats(const std::string& insatsId);

    store::Database& database_;
    std::map<std::string, std::optional<std::string>> insatsForbund_;  ///< per batch: insats_id -> förbund
};

}  // namespace finsam::feed
