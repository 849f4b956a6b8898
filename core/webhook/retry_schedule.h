// core/webhook/retry_schedule.h — when a failing subscriber is tried again: exponential back-off with full
// jitter, the HTTP client's own rule (plugins/http-client/src/backoff.h), with no limit on attempts.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <random>

#include "plugins/http-client/src/backoff.h"

namespace finsam::webhook {

/// Not thread-safe: one per worker.
class RetrySchedule {
public:
    RetrySchedule(std::chrono::milliseconds base, std::chrono::milliseconds max);

    /// The longest wait after `failures` consecutive failures (1-based): min(max, base * 2^(failures-1)).
    std::chrono::milliseconds cap(std::int64_t failures) const;

    /// A wait drawn uniformly from [0, cap(failures)], so many hubs retrying one receiver spread out.
    std::chrono::milliseconds delay(std::int64_t failures);

private:
    http_client::RetryPolicy policy_;
    std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace finsam::webhook
