// tests/generator/fk_truth.h — what a correct hub ends up with after reading an FK drop.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/fk_batch_file.h"
#include "tests/generator/fk_volume.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace finsam::generator::fk {

struct DetailNote {
    std::size_t line = 0;
    std::string arendeId;
    std::string reason;  ///< quarantined: unknown_code, end_before_start; logged: see README
    std::string fault;
};

struct FileOutcome {
    std::string file;  ///< relative to the drop root: fk/...
    std::int64_t batch = 0;
    std::int64_t details = 0;  ///< D lines in the file
    std::int64_t omfattningSum = 0;
    std::string outcome;  ///< applied, rejected, duplicate
    std::string reason;   ///< rejected: the reason code
    std::size_t line = 0;
    std::string fault;
    std::vector<std::int64_t> missingBefore;  ///< gap warning raised when it is applied
    std::vector<DetailNote> quarantined;
    std::vector<DetailNote> logged;  ///< amendment of an unknown period (kept), makulering of
                                     ///< an unknown one (ignored)
    std::size_t retracted = 0;       ///< makuleringar of periods the hub held
};

struct FinalState {
    std::int64_t periods = 0;
    std::int64_t ongoing = 0;
    std::int64_t omfattningSum = 0;
    std::int64_t protectedPeriods = 0;
    std::map<std::string, std::int64_t> byFormanskod;  ///< UTF-8 codes
};

struct Truth {
    std::vector<FileOutcome> files;
    std::vector<std::int64_t> lostBatches;
    FinalState final;
};

/// Reads the files like fk-fixed.md says a hub must, in order of their path below fk/ (batch order,
/// redelivery/ last): a planted file fault rejects the file and leaves the last applied batch
/// where it was; a batch number at or below it is a duplicate; a jump names the missing numbers;
/// N adds, A replaces (or adds, logged, for an unknown period), M removes (or is ignored, logged).
/// The volume batches, all N of distinct periods, are counted without being held.
Truth simulateHub(const std::vector<BatchFile>& files, const std::vector<std::int64_t>& lost,
                  const VolumeResult& volume);

std::string truthJson(const Truth& truth);

}  // namespace finsam::generator::fk
