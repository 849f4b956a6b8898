// core/link/person_resolver.cpp — link key lookup; a new person gets a random, opaque person_key.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/person_resolver.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <ctime>

#include "core/common/clock.h"
#include "core/common/hash.h"

namespace finsam::link {

namespace {

// Random, never derived from the number: the key reveals nothing even to someone holding the secret. Letters
// only, so no log or document can mistake it for a number. It begins with the creation second (as letters) so
// new persons land at the end of every index keyed by person, not at random pages all over a large file; the
// creation time is no secret (the feed publishes when each person appeared).
std::string newPersonKey() {
    static constexpr char kLetters[] = "abcdefghijklmnop";
    auto seconds = static_cast<std::uint64_t>(std::time(nullptr));
    std::string key(10, 'a');
    for (int i = 9; i >= 0; --i, seconds >>= 4) {
        key[static_cast<std::size_t>(i)] = kLetters[seconds & 0x0f];
    }
    return key + common::randomLetters(11);  // 10 + 22 letters: 88 random bits
}

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
    ResolvedPerson resolved;
    // Per-record statements go through the store's prepared-statement cache: a batch runs them thousands of times.
    auto known = database_.queryRow("SELECT l.person_key, p.content_hash FROM link_key l JOIN person p ON "
                                    "p.person_key = l.person_key WHERE l.organisation = :p0 AND l.kind = :p1 AND "
                                    "l.key_id = :p2 AND l.value = :p3",
                                    {organisation, person.linkKind, person.linkKeyId, person.linkKey}, 2);
    const std::string now = common::nowUtcIso();
    resolved.personKey = known ? known->at(0).value_or("") : newPersonKey();
    std::string payload = personPayload(resolved.personKey, person.kon, person.fodelsear);
    std::string hash = common::sha256Hex(payload);
    auto orNull = [](const std::string& value) {
        return value.empty() ? std::nullopt : std::optional<std::string>(value);
    };
    if (!known) {
        database_.execute("INSERT INTO person (person_key, kon, fodelsear, protected, content_hash, created_at, "
                          "updated_at) VALUES (:p0, :p1, :p2, 0, :p3, :p4, :p5)",
                          {resolved.personKey, orNull(person.kon), orNull(person.fodelsear), hash, now, now});
        database_.execute("INSERT INTO link_key (organisation, kind, key_id, value, person_key, created_at) "
                          "VALUES (:p0, :p1, :p2, :p3, :p4, :p5)",
                          {organisation, person.linkKind, person.linkKeyId, person.linkKey, resolved.personKey, now});
        resolved.change = store::EntityChange{store::Change::kInserted, "person", resolved.personKey, payload};
        return resolved;
    }
    if (known->at(1).value_or("") != hash) {
        database_.execute("UPDATE person SET kon = :p0, fodelsear = :p1, content_hash = :p2, updated_at = :p3 "
                          "WHERE person_key = :p4",
                          {orNull(person.kon), orNull(person.fodelsear), hash, now, resolved.personKey});
        resolved.change = store::EntityChange{store::Change::kUpdated, "person", resolved.personKey, payload};
    }
    return resolved;
}

}  // namespace finsam::link
