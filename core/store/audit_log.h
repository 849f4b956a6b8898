// core/store/audit_log.h — the append-only audit of links, refusals, unlinks, retractions and erasures.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/store/database.h"

namespace finsam::store {

/// One audit entry. Persons are pseudonymous keys; nothing here may hold a clear identity.
struct AuditEntry {
    std::int64_t seq = 0;
    std::string at;
    std::string action;      ///< link | refuse | unlink | retract | erase
    std::string personA;
    std::string personB;
    std::string consentKey;
    std::string rule;        ///< the consent rule that decided (consent_policy.h rule strings)
    std::string detail;
    std::int64_t batchId = 0;
};

/// Appends and reads audit entries. Appends run inside the caller's transaction; there is no update or delete.
class AuditLog {
public:
    explicit AuditLog(Database& database) : database_(database) {}

    void append(const AuditEntry& entry);

    /// Entries naming `personKey` (as either side), oldest first.
    std::vector<AuditEntry> forPerson(const std::string& personKey);

    /// The newest entry for the pair (in either order), or an entry with seq 0 when there is none.
    AuditEntry lastForPair(const std::string& personA, const std::string& personB);

private:
    std::vector<AuditEntry> query(const std::string& where, const std::string& a, const std::string& b);

    Database& database_;
};

}  // namespace finsam::store
