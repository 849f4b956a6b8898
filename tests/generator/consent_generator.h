// tests/generator/consent_generator.h — who is identified with a consent and who stays anonymous.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/rng.h"
#include "tests/generator/world.h"

namespace finsam::generator {

/// Decides, per person, between identified (Anonym = Nej, one consent for the förbund or one per
/// insats) and anonymous (Anonym = Ja, with or without the number in the sheet), and fills
/// World::consents. Some consents are withdrawn: the covered deltagande then ends that day with
/// avslutsanledning samtycke återkallat (architecture §4). Consent ids are left empty; the world
/// builder numbers them. Precondition: deltaganden of one person are adjacent and in start order.
void assignConsents(Rng rng, World& world);

}  // namespace finsam::generator
