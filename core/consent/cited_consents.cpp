// core/consent/cited_consents.cpp — in-batch consents first, then the store (its link keys, never clear ids).
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/cited_consents.h"

namespace finsam::consent {

void CitedConsents::remember(const model::WorkRecord& samtycke) {
    if (samtycke.person && !samtycke.retract) {
        inBatch_[samtycke.entityKey()] = samtycke.person->linkKey;
        withdrawnInBatch_[samtycke.entityKey()] = samtycke.value("aterkallat");
    }
}

bool CitedConsents::covers(const model::WorkRecord& deltagande) {
    const std::string& ref = deltagande.value("samtycke_ref");
    if (!deltagande.person || ref.empty()) {
        return false;
    }
    const std::string consentKey = deltagande.organisation + "/" + ref;
    auto it = inBatch_.find(consentKey);
    if (it != inBatch_.end()) {
        return it->second == deltagande.person->linkKey;
    }
    std::string linkKey;
    database_.session() << "SELECT l.value FROM samtycke s JOIN link_key l ON l.person_key = s.person_key "
                           "WHERE s.entity_key = :k AND s.state = 'active' AND l.organisation = :o "
                           "AND l.value = :v",
        soci::use(consentKey), soci::use(deltagande.organisation), soci::use(deltagande.person->linkKey),
        soci::into(linkKey);
    return database_.session().got_data();
}

std::string CitedConsents::withdrawnAt(const model::WorkRecord& deltagande) {
    const std::string consentKey = deltagande.organisation + "/" + deltagande.value("samtycke_ref");
    auto it = withdrawnInBatch_.find(consentKey);
    if (it != withdrawnInBatch_.end()) {
        return it->second;
    }
    std::string withdrawn;
    soci::indicator indicator = soci::i_null;
    database_.session() << "SELECT aterkallat FROM samtycke WHERE entity_key = :k AND state = 'active'",
        soci::use(consentKey), soci::into(withdrawn, indicator);
    return database_.session().got_data() && indicator == soci::i_ok ? withdrawn : std::string();
}

void endAtWithdrawal(model::WorkRecord& deltagande, const std::string& withdrawnAt) {
    if (withdrawnAt.empty() || deltagande.value("startdatum") > withdrawnAt) {
        return;
    }
    const std::string& end = deltagande.value("slutdatum");
    if (!end.empty() && end <= withdrawnAt) {
        return;  // it ended before the withdrawal, for its own reason
    }
    deltagande.values["slutdatum"] = {withdrawnAt};
    deltagande.values["avslutsanledning"] = {"samtycke_aterkallat"};
}

}  // namespace finsam::consent
