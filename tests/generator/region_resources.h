// tests/generator/region_resources.h — what the region's FHIR server holds for the world
// (region-fhir.md): patients, episodes of care and consents, as FHIR R4 JSON.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/world.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace finsam::generator::region {

struct Resource {
    std::string type;         ///< Patient, EpisodeOfCare, Consent
    std::string id;
    std::string lastUpdated;  ///< FHIR instant, Swedish local time
    std::size_t person = 0;   ///< World::people index: the subject
    std::string json;         ///< the resource, compact; kept as text so a large world stays small
    // What the truth needs to know without reading the JSON back.
    std::string status;
    bool confidential = false;  ///< Patient with the confidentiality label R
    std::optional<std::string> insatsId;      ///< EpisodeOfCare of a FINSAM participation
    std::optional<std::string> deltagandeId;  ///< the förbund's id of it
};

struct Holdings {
    std::vector<Resource> patients;  ///< one per person the region has a resource for
    std::vector<Resource> episodes;  ///< in _lastUpdated order (ties by id)
    std::vector<Resource> consents;  ///< in _lastUpdated order (ties by id)
};

/// Episodes: one per deltagande in an insats with the region as huvudman (identifier
/// urn:finsam:insats; finished once ended), one rehabkoordinering contact for about half of the FK
/// sjukpenning/rehabiliteringspenning periods, and about 3 % of them entered-in-error. Consents:
/// one per consent that names the region as a party (inactive once withdrawn). Every resource is
/// stamped by the nightly sync at 02:00, and everything last changed before the first year of
/// deltaganden carries the one timestamp of the migration into this server (1 January, 02:00), so
/// equal timestamps run across page boundaries. Protected patients carry the confidentiality
/// label R.
Holdings buildHoldings(const World& world, std::uint64_t seed);

}  // namespace finsam::generator::region
