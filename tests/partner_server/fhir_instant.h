// tests/partner_server/fhir_instant.h — FHIR dates and times as points on one time line, so that
// `meta.lastUpdated` values written with +01:00 and +02:00 compare as instants, not as text.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace finsam::testing::partner {

/// Milliseconds since 1970-01-01T00:00:00Z of the start of `text`:
/// YYYY, YYYY-MM, YYYY-MM-DD, or YYYY-MM-DDThh:mm[:ss[.fraction]] with Z or ±hh:mm. A value without a
/// zone (dates included) is read as UTC. Anything else, or an impossible date, gives nothing.
std::optional<std::int64_t> parseFhirTimeMillis(std::string_view text);

}  // namespace finsam::testing::partner
