// core/link/person_encodings.cpp — SQL of person_encoding and person_block.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/person_encodings.h"

#include <map>

#include "core/common/clock.h"

namespace finsam::link {

bool PersonEncodings::record(const std::string& personKey, const std::string& organisation,
                             const model::PersonRef& person) {
    auto encoding = identity::IdentityEncoding::fromHex(person.encoding);
    if (!encoding) {
        return false;
    }
    const std::string now = common::nowUtcIso();
    auto held = database_.queryRow("SELECT encoding, key_id FROM person_encoding WHERE person_key = :p0",
                                   {personKey}, 2);
    bool changed = true;
    if (held) {
        auto previous = identity::IdentityEncoding::fromHex(held->at(0).value_or(""));
        if (previous && held->at(1).value_or("") == person.linkKeyId) {
            encoding->fillFrom(*previous);
        }
        changed = !(previous && *previous == *encoding && held->at(1).value_or("") == person.linkKeyId);
        if (changed) {
            database_.execute("UPDATE person_encoding SET encoding = :p0, key_id = :p1, updated_at = :p2 "
                              "WHERE person_key = :p3",
                              {encoding->toHex(), person.linkKeyId, now, personKey});
        }
    } else {
        database_.execute("INSERT INTO person_encoding (person_key, organisation, key_id, encoding, updated_at) "
                          "VALUES (:p0, :p1, :p2, :p3, :p4)",
                          {personKey, organisation, person.linkKeyId, encoding->toHex(), now});
    }
    if (changed) {
        for (const auto& tag : person.blockingTags) {
            database_.execute("INSERT INTO person_block (tag, person_key) VALUES (:p0, :p1) "
                              "ON CONFLICT (tag, person_key) DO NOTHING",
                              {tag, personKey});
        }
    }
    return changed;
}

std::optional<StoredEncoding> PersonEncodings::find(const std::string& personKey) {
    auto row = database_.queryRow("SELECT organisation, key_id, encoding FROM person_encoding WHERE person_key = :p0",
                                  {personKey}, 3);
    if (!row) {
        return std::nullopt;
    }
    auto encoding = identity::IdentityEncoding::fromHex(row->at(2).value_or(""));
    if (!encoding) {
        return std::nullopt;
    }
    return StoredEncoding{personKey, row->at(0).value_or(""), row->at(1).value_or(""), *encoding};
}

std::vector<StoredEncoding> PersonEncodings::candidates(const std::string& personKey, const std::string& organisation,
                                                        const std::string& keyId) {
    std::vector<StoredEncoding> out;
    soci::rowset<soci::row> rows =
        (database_.session().prepare
             << "SELECT DISTINCT e.person_key, e.organisation, e.encoding FROM person_block a JOIN person_block b ON "
                "b.tag = a.tag AND b.person_key <> a.person_key JOIN person_encoding e ON e.person_key = b.person_key "
                "WHERE a.person_key = :p AND e.organisation <> :o AND e.key_id = :k",
         soci::use(personKey), soci::use(organisation), soci::use(keyId));
    for (const auto& row : rows) {
        if (auto encoding = identity::IdentityEncoding::fromHex(row.get<std::string>(2))) {
            out.push_back({row.get<std::string>(0), row.get<std::string>(1), keyId, *encoding});
        }
    }
    return out;
}

std::vector<EncodedRecord> PersonEncodings::all(const std::string& keyId, std::vector<std::string>& personKeys) {
    std::vector<EncodedRecord> records;
    std::map<std::string, std::size_t> index;
    {
        soci::rowset<soci::row> rows =
            (database_.session().prepare << "SELECT person_key, organisation, encoding FROM person_encoding WHERE "
                                            "key_id = :k ORDER BY person_key",
             soci::use(keyId));
        for (const auto& row : rows) {
            if (auto encoding = identity::IdentityEncoding::fromHex(row.get<std::string>(2))) {
                index[row.get<std::string>(0)] = records.size();
                records.push_back({row.get<std::string>(1), *encoding, {}});
                personKeys.push_back(row.get<std::string>(0));
            }
        }
    }
    soci::rowset<soci::row> tags =
        (database_.session().prepare << "SELECT b.person_key, b.tag FROM person_block b JOIN person_encoding e ON "
                                        "e.person_key = b.person_key WHERE e.key_id = :k",
         soci::use(keyId));
    for (const auto& row : tags) {
        auto it = index.find(row.get<std::string>(0));
        if (it != index.end()) {
            records[it->second].tags.push_back(row.get<std::string>(1));
        }
    }
    return records;
}

std::int64_t PersonEncodings::count(const std::string& keyId) {
    long long n = 0;
    database_.session() << "SELECT COUNT(*) FROM person_encoding WHERE key_id = :k", soci::use(keyId), soci::into(n);
    return n;
}

void PersonEncodings::erase(const std::string& personKey) {
    auto& sql = database_.session();
    sql << "DELETE FROM person_encoding WHERE person_key = :p", soci::use(personKey);
    sql << "DELETE FROM person_block WHERE person_key = :p", soci::use(personKey);
    sql << "DELETE FROM person_match WHERE person_a = :p OR person_b = :q", soci::use(personKey), soci::use(personKey);
}

}  // namespace finsam::link
