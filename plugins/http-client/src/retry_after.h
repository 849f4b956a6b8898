// plugins/http-client/src/retry_after.h — the wait a 429's Retry-After asks for (RFC 9110 §10.2.3).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <ctime>
#include <optional>
#include <string_view>

namespace finsam::http_client::detail {

/// delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT", parsed by curl_getdate) relative
/// to `now`; a date in the past is no wait. nullopt when the value is absent or unreadable.
std::optional<std::chrono::milliseconds> parseRetryAfter(std::string_view value, std::time_t now);

}  // namespace finsam::http_client::detail
