// tests/generator/checks/replay.h — the specs' hub rules applied to the files as read by the
// checks, to hold the truth files against.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace finsam::generator::checks {

struct ReplayedFile {
    std::string path;
    std::string outcome;  ///< applied, rejected, duplicate
    std::string reason;
    std::set<std::string> withdrawn;              ///< AF
    std::set<std::string> agedOut;                ///< AF
    std::vector<std::int64_t> missingBefore;      ///< FK
};

struct AfReplay {
    std::vector<ReplayedFile> files;
    std::int64_t ersPeriods = 0;
    std::int64_t ersOngoing = 0;
    std::map<std::string, std::int64_t> ersByCode;
    std::int64_t insParticipations = 0;
    std::int64_t insOngoing = 0;
    std::int64_t insWithSamtyckeRef = 0;
};

struct FkReplay {
    std::vector<ReplayedFile> files;
    std::int64_t periods = 0;
    std::int64_t ongoing = 0;
    std::int64_t omfattningSum = 0;
    std::int64_t protectedPeriods = 0;
    std::map<std::string, std::int64_t> byFormanskod;
};

/// af-csv.md: files by date; UTF-8 refused; absent rows aged out (ended before file date − 13
/// months) or withdrawn; more withdrawals than half of the rows due refuse the file; quarantined
/// rows count as present but are not applied. `files` maps file name to bytes.
AfReplay replayAf(const std::map<std::string, std::string>& files);

/// fk-fixed.md: files by path; invalid files refused whole; duplicates skipped; gaps noted; N, A,
/// M applied on (ärende-id, from); quarantined details skipped.
FkReplay replayFk(const std::map<std::string, std::string>& files);

/// YYYY-MM-DD minus 13 months, clamped to the month's last day.
std::string windowStartOf(const std::string& fileDate);

}  // namespace finsam::generator::checks
