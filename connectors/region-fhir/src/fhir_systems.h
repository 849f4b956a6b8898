// connectors/region-fhir/src/fhir_systems.h — the identifier and code systems region-fhir.md names.
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace finsam::connectors::region_fhir::system {

// Patient.identifier
inline constexpr const char* kPersonnummer = "urn:oid:1.2.752.129.2.1.3.1";
inline constexpr const char* kSamordningsnummer = "urn:oid:1.2.752.129.2.1.3.3";
inline constexpr const char* kReservnummer = "urn:oid:1.2.752.97.3.1.3";  ///< the region's own: opaque
// Patient.meta.security: code R (restricted) marks skyddade personuppgifter
inline constexpr const char* kConfidentiality = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

// EpisodeOfCare
inline constexpr const char* kInsats = "urn:finsam:insats";  ///< the förbund's Insats-ID
inline constexpr const char* kHsaId = "urn:oid:1.2.752.29.4.19";

// Consent
inline constexpr const char* kBlankett = "urn:finsam:blankett";
inline constexpr const char* kOrganisation = "urn:finsam:organisation";
inline constexpr const char* kPurpose = "urn:finsam:purpose";
inline constexpr const char* kCategory = "urn:finsam:category";
inline constexpr const char* kParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
inline constexpr const char* kInformationRecipient = "IRCP";

}  // namespace finsam::connectors::region_fhir::system
