// plugins/http-client/src/retry_after.cpp
// SPDX-License-Identifier: Apache-2.0
#include "retry_after.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdint>
#include <string>

namespace finsam::http_client::detail {

namespace {

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::optional<std::chrono::milliseconds> parseRetryAfter(std::string_view value, std::time_t now) {
    value = trimmed(value);
    if (value.empty()) {
        return std::nullopt;
    }
    if (value.find_first_not_of("0123456789") == std::string_view::npos) {
        constexpr std::int64_t kLongest = 1'000'000'000;  // saturate absurd values instead of overflowing
        std::int64_t seconds = 0;
        for (char c : value) {
            seconds = std::min(kLongest, seconds * 10 + (c - '0'));
        }
        return std::chrono::seconds(seconds);
    }
    const std::string date(value);
    const std::time_t when = curl_getdate(date.c_str(), nullptr);
    if (when == -1) {
        return std::nullopt;
    }
    return std::chrono::seconds(when > now ? when - now : 0);
}

}  // namespace finsam::http_client::detail
