// tests/generator/deltagande_generator.h — what the register records about a deltagande.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/rng.h"
#include "tests/generator/world.h"

namespace finsam::generator {

/// Draws the answers recorded at start, shaped like the national figures and consistent with the
/// person's age and the insats's målgrupper: remitterande aktör, försörjning före, tid i offentlig
/// försörjning, sysselsättning före. Leaves dates, identity and consent alone.
void drawStartProfile(Rng& rng, const Person& person, const Insats& insats, Deltagande& deltagande);

/// Draws avslutsanledning, försörjning efter and sysselsättning efter for a deltagande that has an
/// end date, and clears them for one that is ongoing.
void drawOutcome(Rng& rng, Deltagande& deltagande);

/// Sets avslutsanledning `avslut` and the situation after that usually goes with it.
void setOutcome(Rng& rng, Avslut avslut, Deltagande& deltagande);

}  // namespace finsam::generator
