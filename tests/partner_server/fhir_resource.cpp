// tests/partner_server/fhir_resource.cpp — only the fields a search orders and includes by are read;
// everything else is served exactly as the generator wrote it.
// SPDX-License-Identifier: Apache-2.0
#include "fhir_resource.h"

#include <stdexcept>

#include "fhir_instant.h"
#include "json_text.h"

namespace finsam::testing::partner {

FhirResource fhirResourceOf(const rapidjson::Value& resource) {
    FhirResource parsed;
    parsed.type = stringMember(resource, "resourceType");
    parsed.id = stringMember(resource, "id");
    if (parsed.type.empty() || parsed.id.empty()) {
        throw std::invalid_argument("a FHIR resource needs resourceType and id");
    }
    const std::string where = parsed.type + "/" + parsed.id;
    const auto meta = resource.FindMember("meta");
    if (meta != resource.MemberEnd()) {
        parsed.lastUpdated = stringMember(meta->value, "lastUpdated");
    }
    const auto millis = parseFhirTimeMillis(parsed.lastUpdated);
    if (!millis) {
        throw std::invalid_argument(where + ": meta.lastUpdated missing or unreadable");
    }
    parsed.lastUpdatedMillis = *millis;
    const auto patient = resource.FindMember("patient");
    if (patient != resource.MemberEnd()) {
        const std::string reference = stringMember(patient->value, "reference");
        const std::size_t at = reference.rfind("Patient/");
        if (at != std::string::npos) {
            parsed.patientId = reference.substr(at + 8);
        }
    }
    parsed.json = compactJson(resource);
    return parsed;
}

}  // namespace finsam::testing::partner
