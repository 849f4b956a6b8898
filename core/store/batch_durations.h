// core/store/batch_durations.h — a connector's batch durations as a histogram (batch.duration_ms), for /metrics.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/store/database.h"

namespace finsam::store {

/// Upper bounds in seconds of the histogram's buckets (Prometheus `le`), ascending; +Inf is implied.
const std::vector<double>& batchDurationBuckets();

struct BatchDurations {
    std::vector<std::int64_t> cumulative;  ///< batches at or under each bound of batchDurationBuckets()
    std::int64_t count = 0;                ///< batches with a duration (those since migration 0009)
    double sumSeconds = 0;
};

BatchDurations readBatchDurations(Database& database, const std::string& connector);

/// The store's size on disk in bytes: SQLite's pages, or pg_database_size of the hub's database.
std::int64_t storeSizeBytes(Database& database);

}  // namespace finsam::store
