// core/feed/feed_json.h — feed pages as JSON or NDJSON: pure functions, testable without a network.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/feed/feed_event.h"

namespace finsam::feed {

/// {"events":[{"seq","id","type","occurred_at","key","schema_version","payload"}],"next_after":SEQ}
/// `next_after` is the last seq returned, or `after` when the page is empty.
std::string toJsonPage(const std::vector<FeedEvent>& events, std::int64_t after);

/// One event object per line, each line as in toJsonPage's array.
std::string toNdjson(const std::vector<FeedEvent>& events);

}  // namespace finsam::feed
