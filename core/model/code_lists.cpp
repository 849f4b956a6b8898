// core/model/code_lists.cpp — canonical codes, verbatim from codes.md (the hub's own words, versioned with it).
// SPDX-License-Identifier: Apache-2.0
#include "core/model/code_lists.h"

#include <algorithm>
#include <map>

namespace finsam::model {

namespace {

using Lists = std::map<std::string_view, std::vector<std::string_view>, std::less<>>;

const Lists& lists() {
    static const Lists all = {
        {"kon", {"kvinna", "man", "annat", "okant"}},
        {"utbildningsniva", {"grundskola", "gymnasium", "hogskola", "annan_eftergymnasial", "saknas_okand"}},
        {"ersattningstyp",
         {"sjukpenning", "rehabiliteringspenning", "aktivitetsersattning", "sjukersattning", "aktivitetsstod",
          "utvecklingsersattning", "etableringsersattning", "a_kassa", "forsorjningsstod", "studiemedel", "lon",
          "subventionerad_anstallning", "eget_foretag", "annan", "ingen", "okand"}},
        {"tid_offentlig_forsorjning", {"0-1", "1-3", "3-5", "5-9", "9-", "ingen", "okand"}},
        {"sysselsattning", {"arbete", "subventionerat_arbete", "studier", "arbetssokande", "annan", "okand"}},
        {"avslutsanledning",
         {"arbete", "studier", "arbetssokande", "overgang_annan_insats", "sjukdom", "flyttat", "avbrott",
          "samtycke_aterkallat", "annan", "felregistrering"}},
        {"inriktning", {"individinriktad", "strukturovergripande"}},
        {"uppfoljningsmetod", {"individ", "endast_antal"}},
        {"malgrupp",
         {"unga_16_29", "psykisk_ohalsa", "nyanlanda", "langtidsarbetslosa", "langtidssjukskrivna",
          "forsorjningsstod", "funktionsnedsattning", "annan"}},
        {"huvudman", {"af", "fk", "region", "kommun", "forbund"}},
        {"remittent", {"af", "fk", "region", "kommun", "egen_anmalan", "annan"}},
        {"samtycke_kategori", {"identitet", "deltagande", "ersattning", "halsa"}},
        {"samtycke_andamal", {"samordning", "uppfoljning"}},
        {"samtycke_status", {"active", "draft", "rejected", "entered-in-error", "inactive"}},
        {"samtycke_beslut", {"permit", "deny"}},
    };
    return all;
}

}  // namespace

const std::vector<std::string_view>* codeList(std::string_view list) {
    auto it = lists().find(list);
    return it == lists().end() ? nullptr : &it->second;
}

bool isCanonicalCode(std::string_view list, std::string_view code) {
    const auto* codes = codeList(list);
    return codes != nullptr && std::find(codes->begin(), codes->end(), code) != codes->end();
}

}  // namespace finsam::model
