// tests/generator/name_generator.h — first and last names for AF's name columns.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/rng.h"
#include "tests/generator/world.h"

#include <vector>

namespace finsam::generator {

/// Gives every person a first name that fits their legal kön and a last name. The lists hold
/// å ä ö é ü ë on purpose: AF's Windows-1252 bytes must be exercised in every set.
void assignNames(Rng rng, std::vector<Person>& people);

}  // namespace finsam::generator
