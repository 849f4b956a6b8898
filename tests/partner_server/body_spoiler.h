// tests/partner_server/body_spoiler.h — how each body fault spoils a 200 answer.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>

#include "answer.h"
#include "fault.h"
#include "fault_plan.h"

namespace finsam::testing::partner {

/// `answer`'s body spoiled as `fault` says, or nothing when the fault cannot spoil this answer (another
/// payload, or nothing to change: e.g. a page without any personnummer for kBadIdentifier).
std::optional<SpoiledBody> spoilBody(const Answer& answer, const Fault& fault);

}  // namespace finsam::testing::partner
