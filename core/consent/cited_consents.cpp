// core/consent/cited_consents.cpp — in-batch consents first, then the store (its link keys, never clear ids).
// SPDX-License-Identifier: Apache-2.0
#include "core/consent/cited_consents.h"

namespace finsam::consent {

void CitedConsents::remember(const model::WorkRecord& samtycke) {
    if (samtycke.person && !samtycke.retract) {
        Cited cited{samtycke.person->linkKey, samtycke.value("aterkallat")};
        byKey_[samtycke.entityKey()] = cited;
        if (!samtycke.value("blankett").empty()) {
            byForm_.emplace(samtycke.value("blankett"), cited);
        }
    }
}

std::optional<CitedConsents::Cited> CitedConsents::find(const model::WorkRecord& deltagande) {
    const std::string& ref = deltagande.value("samtycke_ref");
    if (!deltagande.person || ref.empty()) {
        return std::nullopt;
    }
    const std::string& linkKey = deltagande.person->linkKey;
    std::string consentKey = deltagande.organisation + "/" + ref;
    if (auto it = byKey_.find(consentKey); it != byKey_.end()) {
        return it->second.linkKey == linkKey ? std::optional<Cited>(it->second) : std::nullopt;
    }
    for (auto [it, end] = byForm_.equal_range(ref); it != end; ++it) {
        if (it->second.linkKey == linkKey) {
            return it->second;
        }
    }
    std::string withdrawn, form = ref, key = linkKey;
    soci::indicator withdrawnInd = soci::i_null;
    database_.session() << "SELECT s.aterkallat FROM samtycke s JOIN link_key l ON l.person_key = s.person_key "
                           "WHERE (s.entity_key = :k OR s.blankett = :f) AND s.state = 'active' AND l.value = :v",
        soci::use(consentKey), soci::use(form), soci::use(key), soci::into(withdrawn, withdrawnInd);
    if (!database_.session().got_data()) {
        return std::nullopt;
    }
    return Cited{linkKey, withdrawnInd == soci::i_ok ? withdrawn : std::string()};
}

bool CitedConsents::covers(const model::WorkRecord& deltagande) { return find(deltagande).has_value(); }

bool CitedConsents::citedExists(const model::WorkRecord& deltagande) {
    const std::string& ref = deltagande.value("samtycke_ref");
    const std::string consentKey = deltagande.organisation + "/" + ref;
    if (ref.empty()) {
        return false;
    }
    if (byKey_.count(consentKey) != 0 || byForm_.count(ref) != 0) {
        return true;
    }
    return database_.queryRow("SELECT 1 FROM samtycke WHERE (entity_key = :p0 OR blankett = :p1) AND "
                              "state = 'active'",
                              {consentKey, ref}, 1)
        .has_value();
}

std::string CitedConsents::withdrawnAt(const model::WorkRecord& deltagande) {
    auto cited = find(deltagande);
    return cited ? cited->withdrawnAt : std::string();
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
