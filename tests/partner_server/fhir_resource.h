// tests/partner_server/fhir_resource.h — one FHIR resource as the region server keeps it: its JSON and
// the few fields a search needs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <memory>
#include <string>

namespace finsam::testing::partner {

struct FhirResource {
    std::string type;         ///< resourceType
    std::string id;
    std::string lastUpdated;  ///< meta.lastUpdated as written
    std::int64_t lastUpdatedMillis = 0;
    std::string patientId;    ///< the id in patient.reference ("Patient/<id>"), "" when there is none
    std::string json;         ///< the resource, compact
};

using ResourcePtr = std::shared_ptr<const FhirResource>;

/// Reads a resource object; throws std::invalid_argument when it lacks resourceType, id or a readable
/// meta.lastUpdated (the server could not order it).
FhirResource fhirResourceOf(const rapidjson::Value& resource);

}  // namespace finsam::testing::partner
