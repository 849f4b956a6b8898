// core/feed/feed_writer.h — appends events in the caller's transaction, so they commit with the batch or not at all.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "core/feed/feed_event.h"
#include "core/store/database.h"
#include "core/store/entity_writer.h"

namespace finsam::feed {

/// The event type a change produces, e.g. deltagande + kInserted -> "deltagande.started".
std::string eventTypeFor(const store::EntityChange& change);

class FeedWriter {
public:
    explicit FeedWriter(store::Database& database) : database_(database) {}

    /// Appends one event per change that changed something; returns the events with their seqs.
    /// Must run inside the batch's transaction.
    std::vector<FeedEvent> append(const std::vector<store::EntityChange>& changes, std::int64_t batchId);

private:
    store::Database& database_;
};

}  // namespace finsam::feed
