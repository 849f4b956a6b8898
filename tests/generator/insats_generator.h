// tests/generator/insats_generator.h — the förbund's insatser with their budget years.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/rng.h"
#include "tests/generator/world.h"
#include "tests/generator/world_options.h"

#include <vector>

namespace finsam::generator {

/// Insatser sorted by id (FB-<SLUG>-<start year>-NN). At least two individinriktade insatser run
/// from 1 January of yearFrom to at least 31 December of yearTo, so every day in the range has one
/// to join. Head-count-only (endast antal) insatser are strukturövergripande and carry kvinnor/män
/// per budget year.
std::vector<Insats> makeInsatser(Rng rng, const WorldOptions& options);

/// True when `insats` takes individual participants and runs on `day` with at least two weeks left.
bool acceptsParticipantsOn(const Insats& insats, Date day);

}  // namespace finsam::generator
