// core/link/person_resolver.cpp — link key lookup; a new person gets a random, opaque person_key.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/person_resolver.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/common/clock.h"
#include "core/common/hash.h"

namespace finsam::link {

namespace {

std::string personPayload(const std::string& personKey, const std::string& kon, const std::string& fodelsear) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
    json.StartObject();
    json.Key("person_key");
    json.String(personKey);
    json.Key("kon");
    kon.empty() ? json.Null() : json.String(kon);
    json.Key("fodelsear");
    fodelsear.empty() ? json.Null() : json.Int(std::stoi(fodelsear));
    json.Key("protected");
    json.Bool(false);
    json.EndObject();
    return buffer.GetString();
}

}  // namespace

ResolvedPerson PersonResolver::resolve(const std::string& organisation, const model::PersonRef& person) {
    auto& sql = database_.session();
    ResolvedPerson resolved;
    sql << "SELECT person_key FROM link_key WHERE organisation = :o AND kind = :k AND key_id = :i AND value = :v",
        soci::use(organisation), soci::use(person.linkKind), soci::use(person.linkKeyId),
        soci::use(person.linkKey), soci::into(resolved.personKey);
    const bool known = sql.got_data();
    const std::string now = common::nowUtcIso();
    if (!known) {
        // Random, never derived from the number: the key reveals nothing even to someone holding the secret.
        // Letters only, so no log or document can mistake it for a number.
        resolved.personKey = common::randomLetters(16);
    }
    std::string payload = personPayload(resolved.personKey, person.kon, person.fodelsear);
    std::string hash = common::sha256Hex(payload);
    soci::indicator konInd = person.kon.empty() ? soci::i_null : soci::i_ok;
    soci::indicator yearInd = person.fodelsear.empty() ? soci::i_null : soci::i_ok;
    if (!known) {
        sql << "INSERT INTO person (person_key, kon, fodelsear, protected, content_hash, created_at, updated_at) "
               "VALUES (:p, :k, :f, 0, :h, :c, :u)",
            soci::use(resolved.personKey), soci::use(person.kon, konInd), soci::use(person.fodelsear, yearInd),
            soci::use(hash), soci::use(now), soci::use(now);
        sql << "INSERT INTO link_key (organisation, kind, key_id, value, person_key, created_at) "
               "VALUES (:o, :k, :i, :v, :p, :c)",
            soci::use(organisation), soci::use(person.linkKind), soci::use(person.linkKeyId),
            soci::use(person.linkKey), soci::use(resolved.personKey), soci::use(now);
        resolved.change = store::EntityChange{store::Change::kInserted, "person", resolved.personKey, payload};
        return resolved;
    }
    std::string oldHash;
    sql << "SELECT content_hash FROM person WHERE person_key = :p", soci::use(resolved.personKey),
        soci::into(oldHash);
    if (oldHash != hash) {
        sql << "UPDATE person SET kon = :k, fodelsear = :f, content_hash = :h, updated_at = :u "
               "WHERE person_key = :p",
            soci::use(person.kon, konInd), soci::use(person.fodelsear, yearInd), soci::use(hash), soci::use(now),
            soci::use(resolved.personKey);
        resolved.change = store::EntityChange{store::Change::kUpdated, "person", resolved.personKey, payload};
    }
    return resolved;
}

}  // namespace finsam::link
