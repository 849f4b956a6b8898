// tests/generator/fk_volume.h — large FK batches streamed to disk for load tests.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/world.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace finsam::generator::fk {

struct VolumeFile {
    std::string path;  ///< relative to <out>/fk/
    std::int64_t batch = 0;
    std::int64_t details = 0;
    std::int64_t omfattningSum = 0;
};

/// What the volume batches add to the hub's state: all N records of distinct periods.
struct VolumeResult {
    std::vector<VolumeFile> files;
    std::int64_t periods = 0;
    std::int64_t ongoing = 0;
    std::int64_t omfattningSum = 0;
    std::int64_t protectedPeriods = 0;
    std::map<std::string, std::int64_t> byFormanskod;
};

struct VolumeRequest {
    std::int64_t records = 0;       ///< detail records to write in all
    std::int64_t perBatch = 0;      ///< at most this many per file
    std::int64_t firstBatch = 0;    ///< batch number of the first file
    Date created;                   ///< creation day; files are 07:00, 07:01, ...
    Date firstFrom;                 ///< periods start between firstFrom and asOf
    Date asOf;
    std::uint64_t seed = 0;
    std::string receiver;
};

/// Writes the volume batches into `fkDir`: new periods (N only) of FK-only people whose numbers
/// are drawn like the world's (valid date and Luhn digit), each detail formatted into a 1 MiB
/// buffer and flushed, so memory stays flat however many records. Deterministic from the seed.
VolumeResult writeVolume(const std::filesystem::path& fkDir, const VolumeRequest& request);

}  // namespace finsam::generator::fk
