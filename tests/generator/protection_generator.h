// tests/generator/protection_generator.h — who has skyddade personuppgifter.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/rng.h"
#include "tests/generator/world.h"

namespace finsam::generator {

/// Marks about 5 % of the people the förbund registers anonymously (at least one when there is
/// any) as protected. Only anonymous ones: the förbund, which knows, does not identify them, so
/// every partner agrees the hub must keep no identity for them.
void assignProtection(Rng rng, World& world);

}  // namespace finsam::generator
