// core/consent/cited_consents.h — does the consent a participation cites exist, and is it the same person's?
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/model/work_record.h"
#include "core/store/database.h"

namespace finsam::consent {

/// Answers for one batch from the consents it carries and those already stored. A participation keeps its
/// identity only when its samtycke_ref names a consent given by the same person (same link key): a typo in
/// Samtycke-ID must not attach a person to someone else's consent. A reference names a consent by its id at
/// the participation's own organisation (the förbund's Samtycke-ID), or by the reference of its signed form
/// (`blankett`), which is what a member organisation holding the form cites (AF's Samtycke_ref).
class CitedConsents {
public:
    explicit CitedConsents(store::Database& database) : database_(database) {}

    /// Notes an accepted samtycke record of this batch.
    void remember(const model::WorkRecord& samtycke);

    /// True when `deltagande` cites a consent given by the same person.
    bool covers(const model::WorkRecord& deltagande);

    /// True when the consent `deltagande` cites exists at all (whoever gave it): a citation of an unknown
    /// consent may be early (see pending_citations.h), a citation of someone else's is a mistake.
    bool citedExists(const model::WorkRecord& deltagande);

    /// The withdrawal date (YYYY-MM-DD) of the consent `deltagande` cites, or "" when it is not withdrawn.
    std::string withdrawnAt(const model::WorkRecord& deltagande);

private:
    struct Cited {
        std::string linkKey;
        std::string withdrawnAt;
    };
    /// The cited consent of the same person, or nothing.
    std::optional<Cited> find(const model::WorkRecord& deltagande);

    store::Database& database_;
    std::map<std::string, Cited> byKey_;       ///< this batch's consents by entity key
    std::multimap<std::string, Cited> byForm_;  ///< and by blankett
};

/// A withdrawal ends the participation at once (architecture §4): an ongoing participation, or one that ends
/// after the withdrawal, ends on the withdrawal date with avslutsanledning samtycke_aterkallat.
void endAtWithdrawal(model::WorkRecord& deltagande, const std::string& withdrawnAt);

/// Makes a participation anonymous: drops the person and keeps only kön, födelseår, insats and dates, and
/// avslutsanledning when it is felregistrering (the row is an error and must stay out of every count).
void makeAnonymous(model::WorkRecord& record);

/// The fields an anonymous participation keeps (the SUS rule): insats, kön, födelseår and its dates.
bool keptWhenAnonymous(const std::string& field);

}  // namespace finsam::consent
