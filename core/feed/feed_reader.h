// core/feed/feed_reader.h — reads the feed by cursor: events with seq > after, in seq order.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/feed/feed_event.h"
#include "core/store/database.h"

namespace finsam::feed {

/// Which events a reader sees. Types come from expandTypes() (catalogue names only).
struct FeedFilter {
    std::vector<std::string> types;  ///< empty = every type
    std::string forbund;             ///< "" = every event; else only events of that förbund
};

class FeedReader {
public:
    explicit FeedReader(store::Database& database) : database_(database) {}

    /// At most `limit` events after `after` that pass `filter`, ascending.
    std::vector<FeedEvent> read(std::int64_t after, int limit, const FeedFilter& filter = {});

    /// Highest committed seq that passes `filter` (0 when none).
    std::int64_t head(const FeedFilter& filter = {});

    /// Number of events.
    std::int64_t count();

    /// Number of events after `after` that pass `filter` (a consumer's lag).
    std::int64_t countAfter(std::int64_t after, const FeedFilter& filter);

private:
    store::Database& database_;
};

}  // namespace finsam::feed
