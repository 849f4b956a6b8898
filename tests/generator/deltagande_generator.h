// tests/generator/deltagande_generator.h — what the register records about a deltagande.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/rng.h"
#include "tests/generator/world.h"
#include "tests/generator/world_profile.h"

namespace finsam::generator {

/// Draws the answers recorded at start, shaped like the profile and consistent with the person's
/// age and (when the profile says so) the insats's målgrupper: remitterande aktör, försörjning
/// före, tid i offentlig försörjning, sysselsättning före. Leaves dates, identity and consent alone.
void drawStartProfile(Rng& rng, const WorldProfile& profile, const Person& person,
                      const Insats& insats, Deltagande& deltagande);

/// Draws avslutsanledning (the profile's mix), försörjning efter and sysselsättning efter for a
/// deltagande that has an end date, and clears them for one that is ongoing.
void drawOutcome(Rng& rng, const WorldProfile& profile, Deltagande& deltagande);

/// Sets avslutsanledning `avslut` and the situation after that usually goes with it.
void setOutcome(Rng& rng, Avslut avslut, Deltagande& deltagande);

}  // namespace finsam::generator
