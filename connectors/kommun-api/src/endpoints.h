// connectors/kommun-api/src/endpoints.h — the two endpoints (kommun-api.md "Endpoints"), read in this order.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>

namespace finsam::connectors::kommun_api {

struct Endpoint {
    const char* name;  ///< its name in the checkpoint
    const char* path;  ///< below base_url
};

inline constexpr std::size_t kPayments = 0;
inline constexpr std::size_t kParticipations = 1;
inline constexpr std::array<Endpoint, 2> kEndpoints = {{
    {"utbetalningar", "/api/v1/forsorjningsstod/utbetalningar"},
    {"deltaganden", "/api/v1/finsam/deltaganden"},
}};

}  // namespace finsam::connectors::kommun_api
