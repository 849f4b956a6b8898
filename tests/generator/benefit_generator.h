// tests/generator/benefit_generator.h — the benefit periods the members pay, consistent with the
// försörjning the förbund recorded.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/rng.h"
#include "tests/generator/world.h"

#include <optional>
#include <vector>

namespace finsam::generator {

/// The member whose export carries a benefit type (codes.md, "usual source").
enum class Payer { kAf, kFk, kKommun };

/// Empty for self-reported types (lön, studiemedel, ...): no partner sends them.
std::optional<Payer> payerOf(Ersattning ersattning);

/// Periods for every person, drawn so the hub can derive what the förbund reported: a period of
/// each partner-paid type in Försörjning före covers the start, as long back as Tid i offentlig
/// försörjning says; one in Försörjning efter covers the end. People the förbund knows little
/// about get an occasional aktivitetsstöd. Overlapping periods of one person and type are merged.
std::vector<BenefitPeriod> makeBenefits(Rng rng, const World& world);

}  // namespace finsam::generator
