// connectors/kommun-api/src/rfc3339.h — the `andrad` stamp's syntax (RFC 3339 §5.6 date-time).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace finsam::connectors::kommun_api {

/// YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM), 't'/'z' also accepted as the RFC allows; a real date.
bool isRfc3339(std::string_view text);

}  // namespace finsam::connectors::kommun_api
