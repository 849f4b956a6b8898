// connectors/region-fhir/src/episode_mapper.h — one EpisodeOfCare to what the hub holds of it: a FINSAM
// participation (deltagande, the region as the insats's huvudman) or a rehabkoordinering contact.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>

#include "mapped_resource.h"
#include "patient_identity.h"

namespace finsam::connectors::region_fhir {

inline constexpr const char* kDeltagande = "deltagande";
/// The proposed canonical entity for "aktuell hos regionen" (README "Rehabkoordinering"); the hub has none yet.
inline constexpr const char* kKontakt = "kontakt";

/// The Patient a match's patient.reference points at, read from the same page (or why not).
using PatientResolver = std::function<PatientReading(const JsonValue& match, const Pointer& matchAt)>;

struct EpisodeOptions {
    bool emitKontakt = false;  ///< settings.rehabkoordinering = "kontakt"
};

/// Status semantics (README "EpisodeOfCare"):
/// - active, onhold: started, ongoing: upsert with startdatum, no slutdatum;
/// - finished: ended: upsert with slutdatum = period.end (required);
/// - cancelled: with period.end it ran and was broken off (slutdatum, avslutsanledning "cancelled", which
///   the mapping table turns into avbrott); without it, it never started;
/// - planned, waitlist (and cancelled before starting): not a participation: a derived retract (line 0);
/// - entered-in-error: a retract of everything derived from the episode.
/// Every episode also retracts, at line 0, the entity of the other kind under its id, so an episode that
/// gains or loses its insats identifier leaves nothing behind.
MappedResource mapEpisode(const JsonValue& episode, const MatchContext& where, const PatientResolver& patient,
                          const EpisodeOptions& options);

}  // namespace finsam::connectors::region_fhir
