// connectors/fk-fixed/src/detail_record.h — one detail line (fk-fixed.md "Records", `D`) as a
// canonical ersattningsperiod, or the reason it cannot be one.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <variant>

#include "finsam/sdk/connector.h"

namespace finsam::connectors::fk_fixed {

inline constexpr const char* kEntity = "ersattningsperiod";

/// Reads a 100-character detail line (ISO-8859-1 bytes) found at `position`.
/// N and A give an upsert, M a retract, all keyed "<ärende-id>/<from date>" (an A replaces the
/// period with the same ärende-id and from date). Fields: personnummer as sent, ersattningstyp as
/// FK's code (the mapping table translates it), omfattning as an integer, from_datum and tom_datum
/// as ISO dates (no tom_datum when blank: ongoing), arende_id, skyddad "true"/"false".
/// A Problem names the first faulty field in column order; its message never quotes the
/// personnummer, and its raw line has the personnummer's digits written as '#'.
std::variant<sdk::Record, sdk::Problem> readDetail(std::string_view line, sdk::Position position);

}  // namespace finsam::connectors::fk_fixed
