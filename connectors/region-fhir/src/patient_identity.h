// connectors/region-fhir/src/patient_identity.h — who an included Patient is, as far as the hub may know:
// a national number, a region-local reservnummer, the protection label, gender and birth year, and names and birth
// date for probabilistic linkage only (the hub encodes them and never stores them).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

#include "fhir_json.h"
#include "mapped_resource.h"

namespace finsam::connectors::region_fhir {

struct PatientFacts {
    std::string id;
    /// Personnummer or samordningsnummer, 12 digits, checked (date, Luhn, kind = system). A personnummer
    /// wins over a samordningsnummer (a person keeps the old one after getting a personnummer).
    std::optional<std::string> nationalNumber;
    /// The region's reservnummer as sent: opaque. Sent to the hub only when there is no national number; the hub
    /// keys it within the region (README "Identities").
    std::string reservnummer;
    /// meta.security v3-Confidentiality R (or the stricter V): skyddade personuppgifter, anonymous.
    bool protectedIdentity = false;
    std::string gender;     ///< male|female|other|unknown as sent; mapped by config/mappings/region-fhir.json
    std::string birthYear;  ///< from birthDate
    /// For probabilistic linkage only (the hub encodes and erases them): birthDate as sent, and the official
    /// name (else the first): first given name and family name. Empty when protected or absent.
    std::string birthDate;
    std::string givenName;
    std::string familyName;
};

struct PatientReading {
    std::optional<PatientFacts> facts;
    std::optional<ResourceFault> fault;
};

/// Reads the Patient at pointer `at`. A bad identifier (wrong shape, invalid number, a kind its system
/// contradicts, two different national numbers) or a birthDate that is no date is a fault.
PatientReading readPatient(const JsonValue& patient, const Pointer& at);

}  // namespace finsam::connectors::region_fhir
