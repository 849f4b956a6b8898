// core/consent/validity_coverage.cpp — the person's stored consents through the linker's own policy.
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/validity_coverage.h"

#include <set>

#include "core/common/clock.h"
#include "core/consent/consent_policy.h"
#include "core/consent/consent_registry.h"

namespace finsam::consent {

std::optional<std::string> ValidityCoverage::coveringWithdrawal(const model::WorkRecord& deltagande) {
    auto start = common::parseIsoDate(deltagande.value("startdatum"));
    if (!deltagande.person || !start) {
        return std::nullopt;
    }
    std::set<std::string> persons;
    soci::rowset<std::string> rows =
        (database_.session().prepare << "SELECT DISTINCT person_key FROM link_key WHERE value = :v AND kind = :k "
                                        "AND key_id = :i",
         soci::use(deltagande.person->linkKey), soci::use(deltagande.person->linkKind),
         soci::use(deltagande.person->linkKeyId));
    persons.insert(rows.begin(), rows.end());
    if (persons.empty()) {
        return std::nullopt;  // nobody with this key yet: no consent of theirs either
    }
    ConsentRegistry registry(database_);
    const auto consents = registry.consentsOf(persons);
    if (consents.empty()) {
        return std::nullopt;
    }
    // The participation as the linker will see it once stored (organisation = its förbund side, no citation).
    Participation participation{deltagande.entityKey(), deltagande.value("insats_id"), deltagande.organisation,
                                *start, common::parseIsoDate(deltagande.value("slutdatum")), ""};
    auto participations = registry.participationsOf(persons);
    std::erase_if(participations, [&](const Participation& p) { return p.key == participation.key; });
    participations.push_back(participation);
    const AnonymityDecision decision = isAnonymous(participation, consents, participations, false);
    if (decision.anonymous) {
        return std::nullopt;
    }
    for (const auto& consent : consents) {
        if (consent.key == decision.consentKey) {
            return consent.withdrawnAt ? formatIsoDate(*consent.withdrawnAt) : std::string();
        }
    }
    return std::string();
}

}  // namespace finsam::consent
