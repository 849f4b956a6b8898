// core/feed/event_catalogue.h — every event type the feed publishes, what it means and what a consumer does.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace finsam::feed {

/// What a consumer does with an event of a type (docs/feed.md explains each).
enum class ConsumerAction {
    kUpsert,   ///< store the payload as the entity's current state, replacing what it held
    kDelete,   ///< the entity is withdrawn: drop it (and nothing else; dependent changes have their own events)
    kLink,     ///< person.linked: the two persons are one person for `purpose` from `valid_from`
    kUnlink,   ///< person.unlinked: forget that link, and anything derived from it alone
    kMerge,    ///< deltagande.merged: the report is a duplicate of `duplicate_of`; count it once
    kUnmerge,  ///< deltagande.unmerged: the report counts on its own again
};

struct EventTypeInfo {
    std::string_view type;    ///< e.g. deltagande.started
    std::string_view entity;  ///< the collection a consumer keeps it in: insats, deltagande, person, …
    ConsumerAction action;
    std::string_view summary;  ///< one line for docs and openapi.json
};

/// The catalogue, in documentation order. Each type has config/schemas/events/<type>.schema.json.
const std::vector<EventTypeInfo>& eventCatalogue();

/// The entry for `type`, or nullptr.
const EventTypeInfo* findEventType(std::string_view type);

/// Expands a comma-separated list of types and `entity.*` wildcards (e.g. "deltagande.*,person.linked") into
/// catalogue types, in catalogue order. Throws std::invalid_argument naming the first unknown item.
std::vector<std::string> expandTypes(const std::string& list);

}  // namespace finsam::feed
