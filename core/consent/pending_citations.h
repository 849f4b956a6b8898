// core/consent/pending_citations.h — participations held until the consent they cite is read.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/work_record.h"
#include "core/store/database.h"

namespace finsam::consent {

/// Sources are read in any order, so a member organisation's participation (AF's INS row citing the signed
/// form) may arrive before the förbund's register that holds the consent. Guessing either way would make the
/// result depend on the order: anonymous now would lose the identity for good, identified now would keep an
/// identity without a consent. So such a participation is held (store/migrations/0005): unpublished,
/// unlinked, keyed by a tag that matches only the cited consent's own person. It is released identified when
/// that consent is recorded, or anonymous when `graceDays` have passed. Runs inside the batch's transaction.
class PendingCitations {
public:
    explicit PendingCitations(store::Database& database) : database_(database) {}

    /// Holds `deltagande` (identified, citing a consent no store or batch knows). A redelivery replaces what
    /// is held but keeps the grace period of the first delivery.
    void hold(const model::WorkRecord& deltagande, std::int64_t batchId, const std::string& today, int graceDays);

    /// Forgets a held participation (its source withdrew it, or it was placed). Free when nothing is held.
    void drop(const std::string& entityKey);

    /// The held participations that consent `consentKey` (just recorded) answers, with their person restored:
    /// link key, kön, födelseår and the identity encoding they arrived with. They are no longer held.
    /// `delivered` is the consent's person as its delivery named them, if this batch read it: a participation
    /// held before a key rotation is tagged with the link key of its day, which only the delivery still knows
    /// (PersonRef::earlierLinkKeys); the store has rewritten it.
    std::vector<model::WorkRecord> releasedBy(const std::string& consentKey,
                                              const model::PersonRef* delivered = nullptr);

    /// The held participations of `persons`, whom the batch has marked protected, without person: to be
    /// applied as anonymous now, as they would be when released, so that neither their tag nor their identity
    /// encoding waits in the store. They are no longer held.
    std::vector<model::WorkRecord> ofProtected(const std::vector<model::PersonRef>& persons);

    /// The held participations whose grace period ends by `today` (graceDays after the first delivery),
    /// without person: to be applied as anonymous. They are no longer held.
    std::vector<model::WorkRecord> expired(const std::string& today);

private:
    bool any();

    store::Database& database_;
    std::optional<bool> any_;  ///< whether anything is held, asked once per batch
};

}  // namespace finsam::consent
