// tests/generator/fk_faults.h — plants the FK faults (faults.h) in the world's batch files.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/fk_batch_file.h"
#include "tests/generator/world.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace finsam::generator::fk {

struct PlannedFiles {
    std::vector<BatchFile> files;            ///< in delivery order; lost batches left out
    std::vector<std::int64_t> lostBatches;  ///< batch-gap: numbers never delivered
};

/// Each fault takes a batch of its own, never the first nor the last (so a gap always has a batch
/// after it to be noticed by); the choice draws from a stream per fault. Detail faults add one
/// record to their batch; file faults change its lines; batch-gap drops a file; duplicate-batch
/// adds a redelivery of an intact batch under redelivery/ with a later creation time. Throws
/// std::invalid_argument when there are too few batches for the faults asked for.
PlannedFiles plantFaults(std::vector<BatchFile> files, const World& world,
                         const std::set<std::string>& faults, std::uint64_t seed);

}  // namespace finsam::generator::fk
