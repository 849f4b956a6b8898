// plugins/mapped-csv/src/canonical_catalogue.cpp — architecture §2 and codes.md, as the host holds
// them.
// SPDX-License-Identifier: Apache-2.0
#include "canonical_catalogue.h"

#include <algorithm>
#include <map>

#include "value_syntax.h"

namespace finsam::connectors::mapped_csv {

namespace {

using K = ValueKind;

// Mirrors core/model/entity_spec.cpp: name, kind, list, required, code list.
const std::vector<CanonicalEntity>& entities() {
    static const std::vector<CanonicalEntity> all = {
        {"insats",
         {{"insats_id", K::kText, false, true, {}},
          {"namn", K::kText, false, true, {}},
          {"inriktning", K::kCode, false, true, "inriktning"},
          {"uppfoljningsmetod", K::kCode, false, true, "uppfoljningsmetod"},
          {"startdatum", K::kDate, false, true, {}},
          {"slutdatum", K::kDate, false, false, {}},
          {"huvudman", K::kCode, false, false, "huvudman"},
          {"malgrupp", K::kCode, true, false, "malgrupp"}}},
        {"insats_budget",
         {{"insats_id", K::kText, false, true, {}},
          {"budgetar", K::kYear, false, true, {}},
          {"budget_kr", K::kDecimal, false, false, {}},
          {"planerat_antal", K::kInteger, false, false, {}},
          {"esf", K::kBoolean, false, false, {}},
          {"antal_kvinnor", K::kInteger, false, false, {}},
          {"antal_man", K::kInteger, false, false, {}}}},
        {"samtycke",
         {{"personnummer", K::kIdentity, false, true, {}},
          {"reservnummer", K::kIdentity, false, false, {}},
          // Names and birth date: for probabilistic linkage only, encoded and erased by the identity stage.
          {"fornamn", K::kIdentity, false, false, {}},
          {"efternamn", K::kIdentity, false, false, {}},
          {"fodelsedatum", K::kIdentity, false, false, {}},
          {"galler_insats", K::kText, false, false, {}},
          {"galler_forbund", K::kBoolean, false, false, {}},
          {"parter", K::kText, true, true, {}},
          {"kategorier", K::kCode, true, true, "samtycke_kategori"},
          {"andamal", K::kCode, true, true, "samtycke_andamal"},
          {"giltigt_fran", K::kDate, false, true, {}},
          {"giltigt_till", K::kDate, false, false, {}},
          {"aterkallat", K::kDate, false, false, {}},
          {"status", K::kCode, false, false, "samtycke_status"},
          {"beslut", K::kCode, false, false, "samtycke_beslut"},
          {"blankett", K::kText, false, false, {}}}},
        {"deltagande",
         {{"insats_id", K::kText, false, true, {}},
          {"personnummer", K::kIdentity, false, false, {}},
          {"reservnummer", K::kIdentity, false, false, {}},
          // Names and birth date: for probabilistic linkage only, encoded and erased by the identity stage.
          {"fornamn", K::kIdentity, false, false, {}},
          {"efternamn", K::kIdentity, false, false, {}},
          {"fodelsedatum", K::kIdentity, false, false, {}},
          {"anonym", K::kBoolean, false, false, {}},
          {"skyddad", K::kBoolean, false, false, {}},
          {"kon", K::kCode, false, false, "kon"},
          {"fodelsear", K::kYear, false, false, {}},
          {"startdatum", K::kDate, false, true, {}},
          {"slutdatum", K::kDate, false, false, {}},
          {"remitterande_aktor", K::kCode, false, false, "remittent"},
          {"utbildningsniva", K::kCode, false, false, "utbildningsniva"},
          {"forsorjning_fore", K::kCode, true, false, "ersattningstyp"},
          {"tid_offentlig_forsorjning", K::kCode, false, false, "tid_offentlig_forsorjning"},
          {"sysselsattning_fore", K::kCode, false, false, "sysselsattning"},
          {"avslutsanledning", K::kCode, false, false, "avslutsanledning"},
          {"forsorjning_efter", K::kCode, true, false, "ersattningstyp"},
          {"sysselsattning_efter", K::kCode, false, false, "sysselsattning"},
          {"samtycke_ref", K::kText, false, false, {}}}},
        {"ersattningsperiod",
         {{"personnummer", K::kIdentity, false, true, {}},
          // Names and birth date: for probabilistic linkage only, encoded and erased by the identity stage.
          {"fornamn", K::kIdentity, false, false, {}},
          {"efternamn", K::kIdentity, false, false, {}},
          {"fodelsedatum", K::kIdentity, false, false, {}},
          {"skyddad", K::kBoolean, false, false, {}},
          {"ersattningstyp", K::kCode, false, true, "ersattningstyp"},
          {"omfattning", K::kInteger, false, false, {}},
          {"from_datum", K::kDate, false, true, {}},
          {"tom_datum", K::kDate, false, false, {}},
          {"arende_id", K::kText, false, false, {}}}},
    };
    return all;
}

// Mirrors core/model/code_lists.cpp (codes.md).
const std::map<std::string_view, std::vector<std::string_view>, std::less<>>& codeLists() {
    static const std::map<std::string_view, std::vector<std::string_view>, std::less<>> all = {
        {"kon", {"kvinna", "man", "annat", "okant"}},
        {"utbildningsniva",
         {"grundskola", "gymnasium", "hogskola", "annan_eftergymnasial", "saknas_okand"}},
        {"ersattningstyp",
         {"sjukpenning", "rehabiliteringspenning", "aktivitetsersattning", "sjukersattning",
          "aktivitetsstod", "utvecklingsersattning", "etableringsersattning", "a_kassa",
          "forsorjningsstod", "studiemedel", "lon", "subventionerad_anstallning", "eget_foretag",
          "annan", "ingen", "okand"}},
        {"tid_offentlig_forsorjning", {"0-1", "1-3", "3-5", "5-9", "9-", "ingen", "okand"}},
        {"sysselsattning",
         {"arbete", "subventionerat_arbete", "studier", "arbetssokande", "annan", "okand"}},
        {"avslutsanledning",
         {"arbete", "studier", "arbetssokande", "overgang_annan_insats", "sjukdom", "flyttat",
          "avbrott", "samtycke_aterkallat", "annan", "felregistrering"}},
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

bool allDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isDotDecimal(std::string_view text) {
    if (!text.empty() && text.front() == '-') {
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) {
        return allDigits(text);
    }
    return allDigits(text.substr(0, dot)) && allDigits(text.substr(dot + 1));
}

}  // namespace

const CanonicalField* CanonicalEntity::field(std::string_view fieldName) const {
    for (const auto& spec : fields) {
        if (spec.name == fieldName) {
            return &spec;
        }
    }
    return nullptr;
}

std::string CanonicalEntity::fieldNames() const {
    std::string names;
    for (const auto& spec : fields) {
        names += (names.empty() ? "" : ", ") + std::string(spec.name);
    }
    return names;
}

const CanonicalEntity* findCanonicalEntity(std::string_view name) {
    for (const auto& entity : entities()) {
        if (entity.name == name) {
            return &entity;
        }
    }
    return nullptr;
}

const std::vector<std::string_view>* canonicalCodes(std::string_view list) {
    const auto it = codeLists().find(list);
    return it == codeLists().end() ? nullptr : &it->second;
}

std::string canonicalValueProblem(const CanonicalField& field, std::string_view value) {
    switch (field.kind) {
        case ValueKind::kText:
            return {};
        case ValueKind::kDate:
            return sdk::toolkit::isIsoDate(value) ? "" : "is not a date YYYY-MM-DD";
        case ValueKind::kYear:
            return value.size() == 4 && allDigits(value) ? "" : "is not a four-digit year";
        case ValueKind::kInteger:
            return allDigits(value) ? "" : "is not a whole number";
        case ValueKind::kDecimal:
            return isDotDecimal(value) ? "" : "is not a dot decimal";
        case ValueKind::kBoolean:
            return value == "true" || value == "false" ? "" : "is not true or false";
        case ValueKind::kCode: {
            const auto* codes = canonicalCodes(field.codeList);
            const bool known =
                codes != nullptr && std::find(codes->begin(), codes->end(), value) != codes->end();
            return known ? "" : "is not a code of list " + std::string(field.codeList);
        }
        case ValueKind::kIdentity:
            return "cannot be given for an identity field";
    }
    return {};
}

}  // namespace finsam::connectors::mapped_csv
