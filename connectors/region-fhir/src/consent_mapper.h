// connectors/region-fhir/src/consent_mapper.h — one FHIR Consent to a samtycke of the consent registry.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "episode_mapper.h"
#include "mapped_resource.h"

namespace finsam::connectors::region_fhir {

inline constexpr const char* kSamtycke = "samtycke";

/// Consent -> samtycke, keyed by the Consent id (README "Consent"):
/// - parter: provision.actor[] with role IRCP and an urn:finsam:organisation identifier;
/// - kategorier: provision.code[].coding (urn:finsam:category); andamal: provision.purpose[] (urn:finsam:purpose);
/// - giltigt_fran: provision.period.start, else the date of dateTime; giltigt_till: provision.period.end;
/// - inactive (withdrawn): aterkallat = provision.period.end, else the date of meta.lastUpdated (and no
///   giltigt_till: that end is the withdrawal);
/// - status as sent (the mapping table reads proposed as draft: not in force); beslut = provision.type;
/// - blankett: the urn:finsam:blankett identifier, the signed form other partners cite.
/// entered-in-error retracts the samtycke. A protected patient's consent is retracted too: the person is
/// anonymous, and an anonymous person holds no consent. A patient with only a reservnummer, or no identity,
/// cannot be keyed yet: quarantined.
MappedResource mapConsent(const JsonValue& consent, const MatchContext& where, const PatientResolver& patient);

}  // namespace finsam::connectors::region_fhir
