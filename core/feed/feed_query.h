// core/feed/feed_query.h — the parameters of a feed read, parsed strictly from a query string.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace finsam::feed {

inline constexpr int kDefaultLimit = 100;
inline constexpr int kMaxLimit = 1000;

struct FeedQuery {
    std::int64_t after = 0;
    int limit = kDefaultLimit;
};

struct FeedQueryResult {
    bool ok = false;
    FeedQuery query;
    std::string parameter;  ///< the parameter at fault
    std::string reason;
};

/// Parses decoded (name, value) pairs: after = non-negative integer, limit = 1..kMaxLimit. Unknown
/// parameters are an error so a typo is not silently ignored.
FeedQueryResult parseFeedQuery(const std::vector<std::pair<std::string, std::string>>& parameters);

}  // namespace finsam::feed
