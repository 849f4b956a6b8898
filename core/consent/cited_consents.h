// core/consent/cited_consents.h — does the consent a participation cites exist, and is it the same person's?
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>

#include "core/model/work_record.h"
#include "core/store/database.h"

namespace finsam::consent {

/// Answers for one batch from the consents it carries and those already stored. A participation keeps its
/// identity only when its samtycke_ref names a consent of the same organisation given by the same person
/// (same link key): a typo in Samtycke-ID must not attach a person to someone else's consent.
class CitedConsents {
public:
    explicit CitedConsents(store::Database& database) : database_(database) {}

    /// Notes an accepted samtycke record of this batch.
    void remember(const model::WorkRecord& samtycke);

    /// True when `deltagande` cites a consent given by the same person.
    bool covers(const model::WorkRecord& deltagande);

    /// The withdrawal date (YYYY-MM-DD) of the consent `deltagande` cites, or "" when it is not withdrawn.
    std::string withdrawnAt(const model::WorkRecord& deltagande);

private:
    store::Database& database_;
    std::map<std::string, std::string> inBatch_;  ///< samtycke entity key -> link key
    std::map<std::string, std::string> withdrawnInBatch_;  ///< samtycke entity key -> aterkallat
};

/// A withdrawal ends the participation at once (architecture §4): an ongoing participation, or one that ends
/// after the withdrawal, ends on the withdrawal date with avslutsanledning samtycke_aterkallat.
void endAtWithdrawal(model::WorkRecord& deltagande, const std::string& withdrawnAt);

/// Makes a participation anonymous: drops the person and keeps only kön, födelseår, insats and dates.
void makeAnonymous(model::WorkRecord& record);

}  // namespace finsam::consent
