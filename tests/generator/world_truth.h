// tests/generator/world_truth.h — truth/world.json: who is who and what happened, across formats.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/generator_options.h"
#include "tests/generator/world.h"

#include <string>
#include <vector>

namespace finsam::generator {

enum class PersonKind { kConsenting, kAnonymous, kProtected, kWithdrawing };

/// Each person's kind, indexed like World::people: protected (skyddad) before withdrawing (a consent
/// withdrawn) before consenting (a deltagande with a consent) before anonymous.
std::vector<PersonKind> kindsOf(const World& world);

const char* toString(PersonKind kind);

/// Persons by kind with their numbers, and every deltagande with each source that reports it (the
/// förbund always; AF or the kommun too for insatser they run): the hub must count each once.
std::string worldTruthJson(const World& world, const GeneratorOptions& options);

}  // namespace finsam::generator
