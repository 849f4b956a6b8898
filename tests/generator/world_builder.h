// tests/generator/world_builder.h — builds the whole synthetic world from options.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/world.h"
#include "tests/generator/world_options.h"

#include <string>

namespace finsam::generator {

/// The member organisations of a known förbund (sthlm, malmo, lund, goteborg); any other slug gets
/// Stockholm's (region-01, kommun-0180).
Forbund forbundFor(const std::string& slug);

/// Builds a world: same options, same world, on every platform. Each concern (insatser, people,
/// deltaganden, consents) draws from its own forked stream, so adding a concern does not reshuffle
/// the others. Throws std::invalid_argument when participants < 0, yearFrom > yearTo, a year lies
/// outside 1970-2100, the slug is empty or the profile is unknown.
World buildWorld(const WorldOptions& options);

}  // namespace finsam::generator
