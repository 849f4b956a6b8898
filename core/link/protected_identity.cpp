// core/link/protected_identity.cpp — erase link keys, dissolve links, anonymise participations, retract.
// SPDX-License-Identifier: Apache-2.0
#include "core/link/protected_identity.h"

#include <algorithm>
#include <array>

#include "core/common/clock.h"
#include "core/common/hash.h"
#include "core/common/json.h"
#include "core/consent/cited_consents.h"
#include "core/consent/follow_up_window.h"
#include "core/link/person_encodings.h"
#include "core/store/audit_log.h"
#include "core/store/row_text.h"

namespace finsam::link {

namespace {

std::string tagOf(const model::PersonRef& person) {
    return common::sha256Hex("protected:" + person.linkKind + ":" + person.linkKeyId + ":" + person.linkKey);
}

}  // namespace

std::set<std::string>& ProtectedIdentity::tags() {
    if (!tags_) {
        soci::rowset<std::string> rows = (database_.session().prepare << "SELECT tag FROM protected_identity");
        tags_.emplace(rows.begin(), rows.end());
    }
    return *tags_;
}

bool ProtectedIdentity::isProtected(const model::PersonRef& person) {
    // A protection recorded before a key rotation carries the link key of its day (the store keeps no link key
    // of a protected person for `rekey` to rewrite), which only the delivery's pass through the chain meets.
    const auto overTime = model::linkKeysOverTime(person);
    return std::any_of(overTime.begin(), overTime.end(),
                       [&](const model::PersonRef& key) { return tags().count(tagOf(key)) != 0; });
}

std::vector<store::EntityChange> ProtectedIdentity::protect(const model::PersonRef& person, std::int64_t batchId) {
    std::vector<store::EntityChange> changes;
    if (std::string tag = tagOf(person); tags().insert(tag).second) {  // under today's key, also after a rotation
        std::string now = common::nowUtcIso();
        long long batch = batchId;
        database_.session() << "INSERT INTO protected_identity (tag, recorded_at, batch_id) VALUES (:t, :n, :b)",
            soci::use(tag), soci::use(now), soci::use(batch);
    }
    std::vector<std::string> persons;
    soci::rowset<std::string> rows =
        (database_.session().prepare << "SELECT DISTINCT person_key FROM link_key WHERE kind = :k AND key_id = :i "
                                        "AND value = :v",
         soci::use(person.linkKind), soci::use(person.linkKeyId), soci::use(person.linkKey));
    persons.assign(rows.begin(), rows.end());
    for (const auto& personKey : persons) {
        auto anonymised = anonymisePerson(personKey, batchId);
        changes.insert(changes.end(), anonymised.begin(), anonymised.end());
    }
    return changes;
}

std::vector<store::EntityChange> ProtectedIdentity::anonymisePerson(const std::string& personKey,
                                                                    std::int64_t batchId) {
    std::vector<store::EntityChange> changes;
    auto& sql = database_.session();
    const std::string now = common::nowUtcIso();
    const std::string today = consent::formatIsoDate(common::todayInSweden());  // dates are Swedish days
    store::AuditLog audit(database_);

    soci::rowset<soci::row> links = (sql.prepare << "SELECT person_a, person_b, consent_key FROM person_link WHERE "
                                                    "state = 'active' AND (person_a = :a OR person_b = :b)",
                                     soci::use(personKey), soci::use(personKey));
    std::vector<std::array<std::string, 3>> dissolved;
    for (const auto& row : links) {
        dissolved.push_back({store::cellText(row, 0), store::cellText(row, 1), store::cellText(row, 2)});
    }
    for (const auto& [a, b, consentKey] : dissolved) {
        sql << "UPDATE person_link SET state = 'dissolved', dissolved_at = :n, valid_to = :t WHERE person_a = :a "
               "AND person_b = :b AND state = 'active'",
            soci::use(now), soci::use(today), soci::use(a), soci::use(b);
        audit.append({0, now, "unlink", a, b, consentKey, "protected_identity", "a source marked the person protected",
                      batchId});
        changes.push_back({store::Change::kRetracted, "person_link", a + "+" + b,
                           "{\"persons\":[" + common::jsonQuote(a) + "," + common::jsonQuote(b) +
                               "],\"reason\":\"protected_identity\"}"});
    }

    // Rewritten through the entity writer, so a later delivery of the same row (which now arrives anonymous)
    // hashes the same and nothing flaps. Participations keep only what the SUS rule keeps.
    store::EntityWriter writer(database_);
    for (const char* entity : {"deltagande", "samtycke", "ersattningsperiod"}) {
        for (auto& work : writer.loadForPerson(entity, personKey)) {
            if (work.entity == "deltagande") {
                consent::makeAnonymous(work);
            }
            changes.push_back(writer.upsert(work, ""));
        }
    }
    sql << "DELETE FROM link_key WHERE person_key = :p", soci::use(personKey);
    PersonEncodings(database_).erase(personKey);
    sql << "UPDATE person SET protected = 1, kon = NULL, fodelsear = NULL, updated_at = :n WHERE person_key = :p",
        soci::use(now), soci::use(personKey);
    audit.append({0, now, "erase", personKey, "", "", "protected_identity", "link keys erased", batchId});
    audit.append({0, now, "retract", personKey, "", "", "protected_identity",
                  "person and its published links retracted", batchId});
    changes.push_back({store::Change::kRetracted, "person", personKey,
                       "{\"person_key\":" + common::jsonQuote(personKey) + ",\"reason\":\"protected_identity\"}"});
    return changes;
}

}  // namespace finsam::link
