// tests/generator/generator_options.h — everything a run is asked for: the world, per-format
// choices and the faults to inject.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/world_options.h"

#include <cstdint>
#include <set>
#include <string>

namespace finsam::generator {

struct AfOptions {
    int snapshots = 3;            ///< regular snapshot files; the last is dated World::asOf
    int stepDays = 1;             ///< days between them (1 = AF's daily delivery)
    bool shuffleColumns = false;  ///< a new column order in every file after the first
};

struct FkOptions {
    /// Total detail records over all batches. 0 = only the world's own; more adds "volume" batches
    /// of FK-only people after the world's, streamed to disk. Must be 0 or at least the world's.
    std::int64_t detailRecords = 0;
    std::int64_t batchRecords = 1000000;  ///< most detail records in one volume batch
};

struct KommunOptions {
    int pageSize = 500;  ///< items per answer, the connector's usual limit (the API allows 1000)
};

struct RegionOptions {
    int pageSize = 200;  ///< matches per Bundle, the spec's _count
};

struct GeneratorOptions {
    WorldOptions world;
    AfOptions af;
    FkOptions fk;
    KommunOptions kommun;
    RegionOptions region;
    std::set<std::string> faults;  ///< names from faults.h
};

}  // namespace finsam::generator
