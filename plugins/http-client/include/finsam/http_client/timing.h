// plugins/http-client/include/finsam/http_client/timing.h — where a connector run's time went.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>

namespace finsam::http_client {

struct Timing {
    std::chrono::nanoseconds network{0};  ///< inside curl: connecting, sending, waiting for and reading answers
    std::chrono::nanoseconds waiting{0};  ///< back-off and Retry-After waits (as requested of the sleeper)
    std::int64_t requests = 0;            ///< attempts sent, retries included
    std::int64_t retries = 0;             ///< attempts that repeated an earlier one (5xx, network, 429, 401)
    std::int64_t bytes = 0;               ///< response body bytes received
};

}  // namespace finsam::http_client
