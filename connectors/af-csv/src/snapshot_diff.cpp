// connectors/af-csv/src/snapshot_diff.cpp — ISO dates compare as text; month arithmetic with <chrono>.
// SPDX-License-Identifier: Apache-2.0
#include "snapshot_diff.h"

#include <chrono>
#include <cstdio>

namespace finsam::connectors::af_csv {

std::string windowStart(const std::string& fileDate, int months) {
    namespace chr = std::chrono;
    const chr::year_month_day date{chr::year{std::stoi(fileDate.substr(0, 4))},
                                   chr::month{static_cast<unsigned>(std::stoi(fileDate.substr(5, 2)))},
                                   chr::day{static_cast<unsigned>(std::stoi(fileDate.substr(8, 2)))}};
    const chr::year_month shifted = chr::year_month{date.year(), date.month()} - chr::months{months};
    chr::year_month_day start{shifted / date.day()};
    if (!start.ok()) {
        start = chr::year_month_day{shifted / chr::last};
    }
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(start.year()),
                  static_cast<unsigned>(start.month()), static_cast<unsigned>(start.day()));
    return text;
}

SnapshotDiff diffSnapshots(const std::map<std::string, RowState>& previous,
                           const std::map<std::string, RowState>& current, const std::string& fileDate,
                           int agedOutMonths) {
    SnapshotDiff diff;
    const std::string start = windowStart(fileDate, agedOutMonths);
    for (const auto& [id, row] : previous) {
        const bool agedOut = !row.end.empty() && row.end < start;
        if (!agedOut) {
            ++diff.expected;
        }
        if (current.count(id) != 0) {
            continue;
        }
        if (agedOut) {
            ++diff.agedOut;
        } else {
            diff.withdrawn.push_back({id, row.kind});
        }
    }
    return diff;
}

}  // namespace finsam::connectors::af_csv
