// tests/partner_server/kommun_endpoints.h — the kommun API's two change-log endpoints (kommun-api.md).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace finsam::testing {

inline constexpr std::string_view kUtbetalningarEndpoint = "/api/v1/forsorjningsstod/utbetalningar";
inline constexpr std::string_view kDeltagandenEndpoint = "/api/v1/finsam/deltaganden";

}  // namespace finsam::testing
