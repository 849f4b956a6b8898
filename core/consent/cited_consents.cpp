// core/consent/cited_consents.cpp — in-batch consents first, then the store (its link keys, never clear ids).
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/cited_consents.h"

namespace finsam::consent {

void CitedConsents::remember(const model::WorkRecord& samtycke) {
    if (samtycke.person && !samtycke.retract) {
        inBatch_[samtycke.entityKey()] = samtycke.person->linkKey;
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

}  // namespace finsam::consent
