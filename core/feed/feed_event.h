// core/feed/feed_event.h — one entry of the unified, pseudonymised event stream (architecture §5).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace finsam::feed {

/// Bumped when a payload's shape changes incompatibly; every event carries the version it was written with.
inline constexpr int kSchemaVersion = 1;

struct FeedEvent {
    std::int64_t seq = 0;     ///< strictly increasing, in commit order
    std::string eventId;      ///< unique; consumers de-duplicate on it (delivery is at least once)
    std::string occurredAt;   ///< UTC ISO 8601
    std::string type;         ///< e.g. deltagande.started
    std::string entityKey;
    int schemaVersion = kSchemaVersion;
    std::string payload;      ///< JSON object; pseudonymous keys only
};

}  // namespace finsam::feed
