// core/model/entity_spec.cpp — field lists of the canonical entities (architecture §2, codes.md).
// SPDX-License-Identifier: Apache-2.0
#include "core/model/entity_spec.h"

namespace finsam::model {

namespace {

using T = FieldType;

std::vector<EntitySpec> buildEntities() {
    return {
        {"insats",
         {{"insats_id", T::kText, false, true, {}},
          {"namn", T::kText, false, true, {}},
          {"inriktning", T::kCode, false, true, "inriktning"},
          {"uppfoljningsmetod", T::kCode, false, true, "uppfoljningsmetod"},
          {"startdatum", T::kDate, false, true, {}},
          {"slutdatum", T::kDate, false, false, {}},
          {"huvudman", T::kCode, false, false, "huvudman"},
          {"malgrupp", T::kCode, true, false, "malgrupp"}}},
        {"insats_budget",
         {{"insats_id", T::kText, false, true, {}},
          {"budgetar", T::kYear, false, true, {}},
          {"budget_kr", T::kDecimal, false, false, {}},
          {"planerat_antal", T::kInteger, false, false, {}},
          {"esf", T::kBoolean, false, false, {}},
          {"antal_kvinnor", T::kInteger, false, false, {}},
          {"antal_man", T::kInteger, false, false, {}}}},
        {"samtycke",
         {{"personnummer", T::kIdentity, false, true, {}, true, "reservnummer"},
          // A region's own number for a patient it cannot identify nationally: keys a person of that region only.
          {"reservnummer", T::kIdentity, false, false, {}},
          // Names and birth date: for probabilistic linkage only, encoded and erased by the identity stage.
          {"fornamn", T::kIdentity, false, false, {}},
          {"efternamn", T::kIdentity, false, false, {}},
          {"fodelsedatum", T::kIdentity, false, false, {}},
          {"galler_insats", T::kText, false, false, {}},
          {"galler_forbund", T::kBoolean, false, false, {}},
          {"parter", T::kText, true, true, {}},
          {"kategorier", T::kCode, true, true, "samtycke_kategori"},
          {"andamal", T::kCode, true, true, "samtycke_andamal"},
          {"giltigt_fran", T::kDate, false, true, {}},
          {"giltigt_till", T::kDate, false, false, {}},
          {"aterkallat", T::kDate, false, false, {}},
          // FHIR Consent.status and provision.type; the förbund register's consents are active permits.
          {"status", T::kCode, false, false, "samtycke_status"},
          {"beslut", T::kCode, false, false, "samtycke_beslut"},
          // The signed form's reference can be looked up at FK: kept for audit, never published.
          {"blankett", T::kText, false, false, {}, false}}},
        {"deltagande",
         {{"insats_id", T::kText, false, true, {}},
          {"personnummer", T::kIdentity, false, false, {}},
          {"reservnummer", T::kIdentity, false, false, {}},
          // Names and birth date: for probabilistic linkage only, encoded and erased by the identity stage.
          {"fornamn", T::kIdentity, false, false, {}},
          {"efternamn", T::kIdentity, false, false, {}},
          {"fodelsedatum", T::kIdentity, false, false, {}},
          {"anonym", T::kBoolean, false, false, {}},
          {"skyddad", T::kBoolean, false, false, {}},
          {"kon", T::kCode, false, false, "kon"},
          {"fodelsear", T::kYear, false, false, {}},
          {"startdatum", T::kDate, false, true, {}},
          {"slutdatum", T::kDate, false, false, {}},
          {"remitterande_aktor", T::kCode, false, false, "remittent"},
          {"utbildningsniva", T::kCode, false, false, "utbildningsniva"},
          {"forsorjning_fore", T::kCode, true, false, "ersattningstyp"},
          {"tid_offentlig_forsorjning", T::kCode, false, false, "tid_offentlig_forsorjning"},
          {"sysselsattning_fore", T::kCode, false, false, "sysselsattning"},
          {"avslutsanledning", T::kCode, false, false, "avslutsanledning"},
          {"forsorjning_efter", T::kCode, true, false, "ersattningstyp"},
          {"sysselsattning_efter", T::kCode, false, false, "sysselsattning"},
          {"samtycke_ref", T::kText, false, false, {}}}},
        {"ersattningsperiod",
         {{"personnummer", T::kIdentity, false, true, {}},
          // Names and birth date: for probabilistic linkage only, encoded and erased by the identity stage.
          {"fornamn", T::kIdentity, false, false, {}},
          {"efternamn", T::kIdentity, false, false, {}},
          {"fodelsedatum", T::kIdentity, false, false, {}},
          {"skyddad", T::kBoolean, false, false, {}},
          {"ersattningstyp", T::kCode, false, true, "ersattningstyp"},
          {"omfattning", T::kInteger, false, false, {}},
          {"from_datum", T::kDate, false, true, {}},
          {"tom_datum", T::kDate, false, false, {}},
          {"arende_id", T::kText, false, false, {}}}},
    };
}

}  // namespace

const FieldSpec* EntitySpec::field(std::string_view fieldName) const {
    for (const auto& spec : fields) {
        if (spec.name == fieldName) {
            return &spec;
        }
    }
    return nullptr;
}

bool isStored(const FieldSpec& field) {
    return field.type != FieldType::kIdentity && field.name != "anonym" && field.name != "skyddad";
}

bool hasPerson(const EntitySpec& entity) {
    for (const auto& field : entity.fields) {
        if (field.type == FieldType::kIdentity) {
            return true;
        }
    }
    return false;
}

const std::vector<EntitySpec>& allEntities() {
    static const std::vector<EntitySpec> entities = buildEntities();
    return entities;
}

const EntitySpec* findEntity(std::string_view name) {
    for (const auto& entity : allEntities()) {
        if (entity.name == name) {
            return &entity;
        }
    }
    return nullptr;
}

}  // namespace finsam::model
