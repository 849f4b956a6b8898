// connectors/region-fhir/src/patient_identity.cpp — identifiers by system; the values never reach a message.
// SPDX-License-Identifier: Apache-2.0
#include "patient_identity.h"

#include "fhir_systems.h"
#include "fhir_time.h"
#include "swedish_identity.h"

namespace finsam::connectors::region_fhir {

namespace {

PatientReading faultAt(const Pointer& at, std::string code, std::string message) {
    return {std::nullopt, ResourceFault{at.text(), std::move(code), std::move(message)}};
}

bool isProtectedLabel(const JsonValue& coding) {
    const auto system = stringMember(coding, "system");
    const auto code = stringMember(coding, "code");
    // R is what the spec names; V (very restricted) is stricter still, so it is treated alike.
    return system && *system == system::kConfidentiality && code && (*code == "R" || *code == "V");
}

// Patient.name: the official one, else the first; its family name and first given name. A name of the wrong
// shape is left out, not a fault: names only help linkage.
void readName(const JsonValue& patient, PatientFacts& facts) {
    const JsonValue* names = arrayMember(patient, "name");
    if (names == nullptr) {
        return;
    }
    const JsonValue* chosen = nullptr;
    for (const auto& name : names->GetArray()) {
        if (!name.IsObject()) {
            continue;
        }
        if (chosen == nullptr || stringMember(name, "use").value_or("") == "official") {
            chosen = &name;
        }
    }
    if (chosen == nullptr) {
        return;
    }
    facts.familyName = stringMember(*chosen, "family").value_or("");
    if (const JsonValue* given = arrayMember(*chosen, "given"); given != nullptr && !given->Empty() &&
                                                                 (*given)[0].IsString()) {
        facts.givenName = (*given)[0].GetString();
    }
}

}  // namespace

PatientReading readPatient(const JsonValue& patient, const Pointer& at) {
    PatientFacts facts;
    facts.id = stringMember(patient, "id").value_or("");
    if (const JsonValue* meta = member(patient, "meta")) {
        if (const JsonValue* security = arrayMember(*meta, "security")) {
            for (const auto& coding : security->GetArray()) {
                facts.protectedIdentity = facts.protectedIdentity || isProtectedLabel(coding);
            }
        }
    }
    std::optional<std::string> personnummer;
    std::optional<std::string> samordningsnummer;
    const JsonValue* identifiers = member(patient, "identifier");
    if (identifiers != nullptr && !identifiers->IsArray()) {
        return faultAt(at / "identifier", "bad_identifier", "Patient.identifier is not a list");
    }
    for (std::size_t i = 0; identifiers != nullptr && i < identifiers->Size(); ++i) {
        const JsonValue& identifier = (*identifiers)[static_cast<rapidjson::SizeType>(i)];
        const Pointer here = at / "identifier" / i;
        const auto system = stringMember(identifier, "system");
        if (!system) {
            continue;  // an identifier of no known system says nothing the hub uses
        }
        const bool national = *system == system::kPersonnummer || *system == system::kSamordningsnummer;
        if (!national && *system != system::kReservnummer) {
            continue;
        }
        const auto value = stringMember(identifier, "value");
        if (!value || value->empty()) {
            return faultAt(here / "value", "bad_identifier", "Patient identifier of system " + *system +
                                                                 " has no value");
        }
        if (!national) {
            if (!facts.reservnummer.empty() && facts.reservnummer != *value) {
                return faultAt(here / "value", "ambiguous_identity", "Patient has two different reservnummer");
            }
            facts.reservnummer = *value;
            continue;
        }
        const bool isPersonnummer = *system == system::kPersonnummer;
        const auto kind = isPersonnummer ? NationalKind::kPersonnummer : NationalKind::kSamordningsnummer;
        if (auto problem = nationalNumberProblem(*value, kind)) {
            return faultAt(here / "value", "bad_identifier",
                           std::string("Patient ") + (isPersonnummer ? "personnummer" : "samordningsnummer") +
                               " " + *problem);
        }
        auto& slot = isPersonnummer ? personnummer : samordningsnummer;
        if (slot && *slot != twelveDigits(*value)) {
            return faultAt(here / "value", "ambiguous_identity",
                           std::string("Patient has two different ") +
                               (isPersonnummer ? "personnummer" : "samordningsnummer") + " identifiers");
        }
        slot = twelveDigits(*value);
    }
    facts.nationalNumber = personnummer ? personnummer : samordningsnummer;
    facts.gender = stringMember(patient, "gender").value_or("");
    if (const auto birthDate = stringMember(patient, "birthDate")) {
        auto year = yearOfDate(*birthDate);
        if (!year) {
            return faultAt(at / "birthDate", "bad_value", "Patient.birthDate is not a FHIR date");
        }
        facts.birthYear = *year;
        facts.birthDate = *birthDate;
    }
    readName(patient, facts);
    if (facts.protectedIdentity) {
        facts.birthDate.clear();
        facts.givenName.clear();
        facts.familyName.clear();
    }
    return {std::move(facts), std::nullopt};
}

}  // namespace finsam::connectors::region_fhir
