// core/webhook/retry_schedule.cpp
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/retry_schedule.h"

#include <algorithm>

namespace finsam::webhook {

namespace {

// The doubling reaches any cap within 63 steps; larger counts only need to stay in int.
int retryNumber(std::int64_t failures) { return static_cast<int>(std::clamp<std::int64_t>(failures, 1, 64)); }

}  // namespace

RetrySchedule::RetrySchedule(std::chrono::milliseconds base, std::chrono::milliseconds max) {
    policy_.baseDelay = base;
    policy_.maxDelay = max;
}

std::chrono::milliseconds RetrySchedule::cap(std::int64_t failures) const {
    return http_client::detail::backoffCap(policy_, retryNumber(failures));
}

std::chrono::milliseconds RetrySchedule::delay(std::int64_t failures) {
    return http_client::detail::backoffDelay(policy_, retryNumber(failures), random_);
}

}  // namespace finsam::webhook
