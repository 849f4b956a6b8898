// core/feed/feed_query.h — the parameters of a feed read, parsed strictly from a query string.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace finsam::feed {

inline constexpr int kDefaultLimit = 100;
inline constexpr int kMaxLimit = 1000;
inline constexpr int kMaxWaitSeconds = 30;

struct FeedQuery {
    std::int64_t after = 0;
    int limit = kDefaultLimit;
    std::vector<std::string> types;  ///< catalogue types (wildcards expanded); empty = all
    int waitSeconds = 0;             ///< long poll: how long to wait for an event when none is there yet
    bool ndjson = false;             ///< format=ndjson (the Accept header can ask for it too)
};

struct FeedQueryResult {
    bool ok = false;
    FeedQuery query;
    std::string parameter;  ///< the parameter at fault
    std::string reason;
};

/// Parses decoded (name, value) pairs: after = non-negative integer, limit = 1..kMaxLimit, types = a
/// comma-separated list of catalogue types or `entity.*`, wait = 0..kMaxWaitSeconds, format = json|ndjson.
/// Unknown or repeated parameters are an error so a typo is not silently ignored.
FeedQueryResult parseFeedQuery(const std::vector<std::pair<std::string, std::string>>& parameters);

}  // namespace finsam::feed
