// tests/generator/af_faults.h — plants the AF faults (faults.h) in a planned drop.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/af_catalogue.h"
#include "tests/generator/af_snapshot_plan.h"
#include "tests/generator/world.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace finsam::generator::af {

/// withdrawal: two real rows still due (an ERS and an INS row when there are both) leave the
/// catalogue on the last regular date, so every file from then on lacks them. Returns their
/// Rad_ids. Throws std::invalid_argument when there are fewer than 2 dates or too few rows for
/// the withdrawal to stay under the shrink guard.
std::vector<std::string> withdrawRealRows(Catalogue& catalogue, const std::vector<Date>& dates,
                                          std::uint64_t seed);

/// Row faults (bad-date, bad-personnummer, unknown-code, wrong-field-count) on distinct rows of the
/// last regular file; file faults (utf8-file, then shrink) as extra files dated the following
/// days. Each fault draws from a stream of its own. Throws std::invalid_argument when the last file
/// has no row a fault can use.
void plantFileFaults(std::vector<SnapshotFile>& files, const World& world,
                     const Catalogue& catalogue, const std::set<std::string>& faults,
                     std::uint64_t seed, bool shuffleColumns);

}  // namespace finsam::generator::af
