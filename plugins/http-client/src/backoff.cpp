// plugins/http-client/src/backoff.cpp
// SPDX-License-Identifier: Apache-2.0
#include "backoff.h"

#include <algorithm>

namespace finsam::http_client::detail {

std::chrono::milliseconds backoffCap(const RetryPolicy& policy, int retry) {
    const auto cap = std::max<std::int64_t>(policy.maxDelay.count(), 0);
    std::int64_t delay = std::max<std::int64_t>(policy.baseDelay.count(), 0);
    // Doubling stops at the cap, so a long run of retries cannot overflow.
    for (int n = 1; n < retry && delay < cap; ++n) {
        delay *= 2;
    }
    return std::chrono::milliseconds(std::min(delay, cap));
}

std::chrono::milliseconds backoffDelay(const RetryPolicy& policy, int retry, std::mt19937_64& random) {
    std::uniform_int_distribution<std::int64_t> draw(0, backoffCap(policy, retry).count());
    return std::chrono::milliseconds(draw(random));
}

}  // namespace finsam::http_client::detail
