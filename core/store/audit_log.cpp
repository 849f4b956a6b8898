// core/store/audit_log.cpp — INSERT-only writes; seqs from hub_sequence so the order is the commit order.
// SPDX-License-Identifier: Apache-2.0
#include "core/store/audit_log.h"

#include <algorithm>

#include "core/common/clock.h"

namespace finsam::store {

void AuditLog::append(const AuditEntry& entry) {
    long long seq = database_.allocate("audit", 1);
    long long batch = entry.batchId;
    std::string at = entry.at.empty() ? common::nowUtcIso() : entry.at;
    soci::indicator aInd = entry.personA.empty() ? soci::i_null : soci::i_ok;
    soci::indicator bInd = entry.personB.empty() ? soci::i_null : soci::i_ok;
    soci::indicator cInd = entry.consentKey.empty() ? soci::i_null : soci::i_ok;
    database_.session() << "INSERT INTO audit_log (seq, at, action, person_a, person_b, consent_key, rule, detail, "
                           "batch_id) VALUES (:s, :at, :ac, :a, :b, :c, :r, :d, :bt)",
        soci::use(seq), soci::use(at), soci::use(entry.action), soci::use(entry.personA, aInd),
        soci::use(entry.personB, bInd), soci::use(entry.consentKey, cInd), soci::use(entry.rule),
        soci::use(entry.detail), soci::use(batch);
}

std::vector<AuditEntry> AuditLog::query(const std::string& where, const std::string& a, const std::string& b) {
    std::vector<AuditEntry> entries;
    soci::rowset<soci::row> rows =
        (database_.session().prepare << "SELECT seq, at, action, person_a, person_b, consent_key, rule, detail, "
                                        "batch_id FROM audit_log WHERE " + where + " ORDER BY seq",
         soci::use(a), soci::use(b));
    for (const auto& row : rows) {
        AuditEntry entry;
        entry.seq = row.get<long long>(0);
        entry.at = row.get<std::string>(1);
        entry.action = row.get<std::string>(2);
        entry.personA = row.get_indicator(3) == soci::i_null ? "" : row.get<std::string>(3);
        entry.personB = row.get_indicator(4) == soci::i_null ? "" : row.get<std::string>(4);
        entry.consentKey = row.get_indicator(5) == soci::i_null ? "" : row.get<std::string>(5);
        entry.rule = row.get<std::string>(6);
        entry.detail = row.get<std::string>(7);
        entry.batchId = row.get<long long>(8);
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::vector<AuditEntry> AuditLog::forPerson(const std::string& personKey) {
    return query("person_a = :a OR person_b = :b", personKey, personKey);
}

AuditEntry AuditLog::lastForPair(const std::string& personA, const std::string& personB) {
    auto entries = query("(person_a = :a AND person_b = :b)", std::min(personA, personB), std::max(personA, personB));
    return entries.empty() ? AuditEntry{} : entries.back();
}

}  // namespace finsam::store
