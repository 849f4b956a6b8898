// core/store/store_stats.h — counts per entity, for `finsam-hub stats` and metrics.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include "core/store/database.h"

namespace finsam::store {

struct StoreStats {
    std::int64_t persons = 0;
    std::int64_t deltaganden = 0;            ///< active participations, identified and anonymous
    std::int64_t anonymousDeltaganden = 0;   ///< of which anonymous
    std::int64_t duplicateReports = 0;       ///< further reports of a counted participation (not counted)
    std::int64_t ersattningsperioder = 0;
    std::int64_t samtycken = 0;
    std::int64_t insatser = 0;
    std::int64_t quarantined = 0;            ///< open quarantine entries
    std::int64_t feedEvents = 0;
    std::int64_t feedHead = 0;

    std::string toJson() const;
};

StoreStats readStats(Database& database);

}  // namespace finsam::store
