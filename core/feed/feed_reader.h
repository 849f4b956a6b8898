// core/feed/feed_reader.h — reads the feed by cursor: events with seq > after, in seq order.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "core/feed/feed_event.h"
#include "core/store/database.h"

namespace finsam::feed {

class FeedReader {
public:
    explicit FeedReader(store::Database& database) : database_(database) {}

    /// At most `limit` events after `after`, ascending.
    std::vector<FeedEvent> read(std::int64_t after, int limit);

    /// Highest committed seq (0 when empty).
    std::int64_t head();

    /// Number of events.
    std::int64_t count();

private:
    store::Database& database_;
};

}  // namespace finsam::feed
