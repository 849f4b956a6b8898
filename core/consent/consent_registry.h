// core/consent/consent_registry.h — consents and participations as the policy sees them, read from the store.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/consent/consent.h"
#include "core/store/database.h"
#include "core/store/entity_writer.h"

namespace finsam::consent {

/// The store side of the consent registry. Every method runs inside the caller's transaction.
class ConsentRegistry {
public:
    explicit ConsentRegistry(store::Database& database) : database_(database) {}

    /// Keeps the version a samtycke change produced (every version is kept: the past is answered from it).
    void recordVersion(const store::EntityChange& change, std::int64_t batchId);

    /// The active consents given by any of `personKeys`. The förbund register's consents are active permits;
    /// the förbund that keeps the register is always a party to it (architecture §4).
    std::vector<Consent> consentsOf(const std::set<std::string>& personKeys);

    /// Every recorded version of every consent any of `personKeys` gave (for "as it stood on D").
    std::vector<ConsentHistory> historiesOf(const std::set<std::string>& personKeys);

    /// The active participations of any of `personKeys`.
    std::vector<Participation> participationsOf(const std::set<std::string>& personKeys);

    /// The person behind consent `entityKey` (also when it was retracted), or "".
    std::string personOfConsent(const std::string& entityKey);

private:
    store::Database& database_;
};

}  // namespace finsam::consent
