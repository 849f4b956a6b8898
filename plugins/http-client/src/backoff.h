// plugins/http-client/src/backoff.h — exponential back-off with full jitter (AWS architecture blog, 2015):
// spreads the retries of many clients instead of having them return together.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <random>

#include "finsam/http_client/options.h"

namespace finsam::http_client::detail {

/// The longest wait before retry number `retry` (1-based): min(maxDelay, baseDelay * 2^(retry-1)).
std::chrono::milliseconds backoffCap(const RetryPolicy& policy, int retry);

/// A wait drawn uniformly from [0, backoffCap(policy, retry)].
std::chrono::milliseconds backoffDelay(const RetryPolicy& policy, int retry, std::mt19937_64& random);

}  // namespace finsam::http_client::detail
