// core/feed/current_state.cpp — keyset pages over the canonical tables, items serialised as the feed's payloads.
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/current_state.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/common/clock.h"
#include "core/common/json.h"
#include "core/model/entity_spec.h"
#include "core/store/entity_writer.h"
#include "core/store/row_text.h"

namespace finsam::feed {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// SQL conditions (each beginning " AND ") with their parameters, bound in order as :p0, :p1, …
struct Conditions {
    std::string sql;
    std::vector<std::string> params;
    std::size_t firstParam = 0;  ///< nested conditions continue their parent's numbering

    // `condition` with each '?' replaced by the next parameter's placeholder.
    void add(const std::string& condition, std::initializer_list<std::string> values) {
        std::string text = condition;
        for (const auto& value : values) {
            text.replace(text.find('?'), 1, ":p" + std::to_string(firstParam + params.size()));
            params.push_back(value);
        }
        sql += " AND " + text;
    }
};

// The period overlaps [from, to]: started by `to`, not ended before `from`. ISO dates compare as text.
void addPeriod(const std::string& alias, const StateQuery& query, Conditions& where) {
    if (!query.to.empty()) {
        where.add(alias + "startdatum <= ?", {query.to});
    }
    if (!query.from.empty()) {
        where.add("(" + alias + "slutdatum IS NULL OR " + alias + "slutdatum >= ?)", {query.from});
    }
}

// A deltagande's förbund is its insats's, whatever state that insats row is in: the rule of feed/event_scope.cpp,
// so a token limited to a förbund reads here what its feed gave it.
void addDeltagandeFilters(const std::string& alias, const StateQuery& query, Conditions& where) {
    if (!query.forbund.empty()) {
        where.add("(SELECT MIN(i.organisation) FROM insats i WHERE i.insats_id = " + alias +
                      "insats_id AND i.organisation LIKE 'forbund-%') = ?",
                  {query.forbund});
    }
    if (!query.insats.empty()) {
        where.add(alias + "insats_id = ?", {query.insats});
    }
    addPeriod(alias, query, where);
}

template <class Fn>
void forEachRow(store::Database& database, const std::string& sql, const std::vector<std::string>& params, Fn&& fn) {
    soci::statement statement(database.session());
    soci::row row;
    statement.exchange(soci::into(row));
    for (const auto& param : params) {
        statement.exchange(soci::use(param));
    }
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch()) {
        fn(row);
    }
}

void writeNullable(JsonWriter& json, const std::string& value) {
    value.empty() ? json.Null() : json.String(value);
}

// One more row than asked says whether another page follows.
void trimToLimit(StatePage& page, std::vector<std::string>& keys, int limit) {
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.resize(static_cast<std::size_t>(limit));
        keys.resize(static_cast<std::size_t>(limit));
        page.nextAfterKey = keys.back();
    }
}

struct Link {
    std::string other;
    std::string purpose;
    std::string consent;
    std::string validFrom;
    std::string validTo;

    bool operator<(const Link& that) const { return std::tie(other, purpose) < std::tie(that.other, that.purpose); }
};

}  // namespace

std::optional<StateCollection> stateCollectionNamed(std::string_view entity) {
    if (entity == "deltagande") {
        return StateCollection::kDeltagande;
    }
    if (entity == "insats") {
        return StateCollection::kInsats;
    }
    if (entity == "person") {
        return StateCollection::kPerson;
    }
    return std::nullopt;
}

StateQuery parseStateQuery(const std::vector<std::pair<std::string, std::string>>& parameters) {
    StateQuery query;
    std::set<std::string> seen;
    for (const auto& [name, value] : parameters) {
        if (!seen.insert(name).second) {
            throw StateQueryError(name, "given more than once");
        }
        if (name == "limit" || name == "format") {
            // The feed's own rules for these, so both read alike.
            auto parsed = parseFeedQuery({{name, value}});
            if (!parsed.ok) {
                throw StateQueryError(name, parsed.reason);
            }
            if (name == "limit") {
                query.limit = parsed.query.limit;
            } else {
                query.ndjson = parsed.query.ndjson;
            }
            continue;
        }
        std::string* target = name == "after_key" ? &query.afterKey
                              : name == "forbund" ? &query.forbund
                              : name == "insats"  ? &query.insats
                              : name == "from"    ? &query.from
                              : name == "to"      ? &query.to
                                                  : nullptr;
        if (target == nullptr) {
            throw StateQueryError(name, "unknown parameter");
        }
        if (value.empty()) {
            throw StateQueryError(name, "must not be empty");
        }
        if ((name == "from" || name == "to") && !common::parseIsoDate(value)) {
            throw StateQueryError(name, "must be a date YYYY-MM-DD");
        }
        *target = value;
    }
    if (!query.from.empty() && !query.to.empty() && query.to < query.from) {
        throw StateQueryError("to", "must not be before from");
    }
    return query;
}

StatePage CurrentState::read(StateCollection collection, const StateQuery& query) {
    return collection == StateCollection::kPerson ? readPersons(query) : readEntities(collection, query);
}

StatePage CurrentState::readEntities(StateCollection collection, const StateQuery& query) {
    const bool isDeltagande = collection == StateCollection::kDeltagande;
    const std::string table = isDeltagande ? "deltagande" : "insats";
    const auto& spec = *model::findEntity(table);
    Conditions where;
    if (!query.afterKey.empty()) {
        where.add("t.entity_key > ?", {query.afterKey});
    }
    if (isDeltagande) {
        addDeltagandeFilters("t.", query, where);
    } else {
        if (!query.forbund.empty()) {
            where.add("t.organisation = ?", {query.forbund});
        }
        if (!query.insats.empty()) {
            where.add("t.insats_id = ?", {query.insats});
        }
        addPeriod("t.", query, where);
    }
    // loadWhere reads the columns back as records (the one reader of entity rows); the page is chosen inside.
    store::EntityWriter writer(database_);
    auto stored = writer.loadWhere(table,
                                   "entity_key IN (SELECT t.entity_key FROM " + table + " t WHERE t.state = 'active'" +
                                       where.sql + " ORDER BY t.entity_key LIMIT " +
                                       std::to_string(query.limit + 1) + ")",
                                   where.params);
    StatePage page;
    std::vector<std::string> keys;
    for (const auto& entity : stored) {
        keys.push_back(entity.record.entityKey());
        page.items.push_back(store::payloadOf(spec, entity.record, entity.personKey, true));
    }
    trimToLimit(page, keys, query.limit);
    if (!isDeltagande || keys.empty()) {
        return page;
    }
    // A merged report keeps its own participation and says which deltagande counts for it.
    std::map<std::string, std::string> duplicateOf;
    forEachRow(database_,
               "SELECT entity_key, duplicate_of FROM deltagande WHERE state = 'active' AND duplicate_of IS NOT NULL "
               "AND entity_key >= :p0 AND entity_key <= :p1",
               {keys.front(), keys.back()},
               [&](const soci::row& row) { duplicateOf[store::cellText(row, 0)] = store::cellText(row, 1); });
    for (std::size_t i = 0; i < keys.size(); ++i) {
        auto it = duplicateOf.find(keys[i]);
        if (it != duplicateOf.end()) {
            auto& item = page.items[i];  // a non-empty object: the member goes before its closing brace
            item.insert(item.size() - 1, ",\"duplicate_of\":" + common::jsonQuote(it->second));
        }
    }
    return page;
}

StatePage CurrentState::readPersons(const StateQuery& query) {
    Conditions where;
    if (!query.afterKey.empty()) {
        where.add("p.person_key > ?", {query.afterKey});
    }
    Conditions through;  // a person matches the filters through an active deltagande of theirs
    through.firstParam = where.params.size();
    addDeltagandeFilters("d.", query, through);
    if (!through.sql.empty()) {
        where.sql += " AND EXISTS (SELECT 1 FROM deltagande d WHERE d.person_key = p.person_key AND d.state = "
                     "'active'" + through.sql + ")";
        where.params.insert(where.params.end(), through.params.begin(), through.params.end());
    }
    std::vector<std::tuple<std::string, std::string, std::string>> persons;  // key, kön, födelseår
    forEachRow(database_,
               "SELECT p.person_key, p.kon, p.fodelsear FROM person p WHERE p.protected = 0" + where.sql +
                   " ORDER BY p.person_key LIMIT " + std::to_string(query.limit + 1),
               where.params, [&](const soci::row& row) {
                   persons.emplace_back(store::cellText(row, 0), store::cellText(row, 1), store::cellText(row, 2));
               });
    const bool more = static_cast<int>(persons.size()) > query.limit;
    if (more) {
        persons.resize(static_cast<std::size_t>(query.limit));
    }
    StatePage page;
    if (persons.empty()) {
        return page;
    }
    const std::string& first = std::get<0>(persons.front());
    const std::string& last = std::get<0>(persons.back());
    std::map<std::string, std::vector<Link>> links;
    forEachRow(database_,
               "SELECT person_a, person_b, purpose, consent_key, valid_from, valid_to FROM person_link WHERE state = "
               "'active' AND ((person_a >= :p0 AND person_a <= :p1) OR (person_b >= :p2 AND person_b <= :p3))",
               {first, last, first, last}, [&](const soci::row& row) {
                   const std::string a = store::cellText(row, 0), b = store::cellText(row, 1);
                   Link link{b, store::cellText(row, 2), store::cellText(row, 3), store::cellText(row, 4),
                             store::cellText(row, 5)};
                   links[a].push_back(link);
                   link.other = a;
                   links[b].push_back(link);
               });
    for (const auto& [key, kon, fodelsear] : persons) {
        rapidjson::StringBuffer buffer;
        JsonWriter json(buffer);
        // The person.upserted payload (link/person_resolver.cpp), then the links.
        json.StartObject();
        json.Key("person_key");
        json.String(key);
        json.Key("kon");
        writeNullable(json, kon);
        json.Key("fodelsear");
        fodelsear.empty() ? json.Null() : json.Int64(std::stoll(fodelsear));
        json.Key("protected");
        json.Bool(false);
        json.Key("links");
        json.StartArray();
        auto& own = links[key];
        std::sort(own.begin(), own.end());
        for (const auto& link : own) {
            json.StartObject();
            json.Key("person_key");
            json.String(link.other);
            json.Key("purpose");
            json.String(link.purpose);
            json.Key("consent");
            json.String(link.consent);
            json.Key("valid_from");
            writeNullable(json, link.validFrom);
            json.Key("valid_to");
            writeNullable(json, link.validTo);
            json.EndObject();
        }
        json.EndArray();
        json.EndObject();
        page.items.emplace_back(buffer.GetString(), buffer.GetSize());
    }
    if (more) {
        page.nextAfterKey = last;
    }
    return page;
}

std::vector<std::string> stateColumns(StateCollection collection) {
    if (collection == StateCollection::kPerson) {
        return {"person_key", "kon", "fodelsear", "protected", "links.person_key", "links.purpose", "links.consent",
                "links.valid_from", "links.valid_to"};
    }
    const auto& spec = *model::findEntity(collection == StateCollection::kDeltagande ? "deltagande" : "insats");
    std::vector<std::string> columns = {"entity_key", "organisation"};
    if (model::hasPerson(spec)) {
        columns.emplace_back("person_key");
    }
    if (collection == StateCollection::kDeltagande) {
        columns.emplace_back("anonymous");
    }
    for (const auto& field : spec.fields) {
        if (model::isStored(field) && field.published) {
            columns.emplace_back(field.name);
        }
    }
    if (collection == StateCollection::kDeltagande) {
        columns.emplace_back("duplicate_of");
    }
    return columns;
}

std::string toJsonPage(const StatePage& page) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    json.Key("items");
    json.StartArray();
    for (const auto& item : page.items) {
        json.RawValue(item.data(), item.size(), rapidjson::kObjectType);
    }
    json.EndArray();
    json.Key("next_after_key");
    page.nextAfterKey ? json.String(*page.nextAfterKey) : json.Null();
    json.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string toNdjson(const StatePage& page) {
    std::string out;
    for (const auto& item : page.items) {
        out += item;
        out += '\n';
    }
    return out;
}

}  // namespace finsam::feed
