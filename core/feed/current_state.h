// core/feed/current_state.h — the current state of deltaganden, insatser and persons, as the feed left it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/feed/feed_query.h"
#include "core/store/database.h"

namespace finsam::feed {

/// The collections a consumer of the feed keeps, readable as a whole (GET /v1/deltaganden, finsam-hub export).
enum class StateCollection { kDeltagande, kInsats, kPerson };

/// "deltagande", "insats" or "person" (the event catalogue's entity names); nullopt for anything else.
std::optional<StateCollection> stateCollectionNamed(std::string_view entity);

/// One read. Empty strings mean no filter.
struct StateQuery {
    std::string afterKey;  ///< keyset cursor: only items whose key (entity_key, person_key) sorts after it
    int limit = kDefaultLimit;
    std::string forbund;   ///< insats: its organisation; deltagande: its insats's; person: an active deltagande's
    std::string insats;    ///< an insats_id; a person matches through an active deltagande in it
    std::string from;      ///< YYYY-MM-DD: only what has not ended before it (slutdatum null or >= from)
    std::string to;        ///< YYYY-MM-DD: only what started by it (startdatum <= to)
    bool ndjson = false;   ///< format=ndjson: one item per line (HTTP; Accept can ask for it too)
};

/// A parameter that is unknown, repeated or malformed; parameter() names it, what() is "NAME: REASON".
class StateQueryError : public std::invalid_argument {
public:
    StateQueryError(const std::string& parameter, const std::string& reason)
        : std::invalid_argument(parameter + ": " + reason), parameter_(parameter), reason_(reason) {}
    const std::string& parameter() const { return parameter_; }
    const std::string& reason() const { return reason_; }

private:
    std::string parameter_;
    std::string reason_;
};

/// Parses decoded (name, value) pairs strictly: after_key, limit (1..kMaxLimit), forbund, insats, from, to
/// (real dates, from <= to), format (json|ndjson; limit and format by the feed's own rules). Anything else, or
/// a parameter given twice, throws StateQueryError.
StateQuery parseStateQuery(const std::vector<std::pair<std::string, std::string>>& parameters);

/// One page of items, ascending by key.
struct StatePage {
    std::vector<std::string> items;           ///< JSON objects (shapes: docs/feed.md, "Current state")
    std::optional<std::string> nextAfterKey;  ///< the last item's key when more may follow; none at the end
};

/// Reads active rows only. A deltagande or insats item is exactly the payload of its latest upsert-type event
/// (store::payloadOf over its columns); a merged duplicate report adds "duplicate_of" (the canonical
/// deltagande's key) at the end, as a consumer that keeps deltagande.merged's mark across upserts holds it. A
/// person item is its person.upserted payload plus "links", its active links ({"person_key", "purpose",
/// "consent", "valid_from", "valid_to"}, by person_key then purpose) as person.linked/unlinked leave them;
/// protected (retracted) persons are absent.
class CurrentState {
public:
    explicit CurrentState(store::Database& database) : database_(database) {}

    StatePage read(StateCollection collection, const StateQuery& query);

private:
    StatePage readEntities(StateCollection collection, const StateQuery& query);
    StatePage readPersons(const StateQuery& query);

    store::Database& database_;
};

/// The column names of a collection's items, in item order; a nested list of objects is flattened as
/// "links.person_key" … (what CSV export writes as its header).
std::vector<std::string> stateColumns(StateCollection collection);

/// {"items":[…],"next_after_key":KEY|null}
std::string toJsonPage(const StatePage& page);

/// One item per line.
std::string toNdjson(const StatePage& page);

}  // namespace finsam::feed
