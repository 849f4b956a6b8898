// core/indicators/reporting_period.h — year, half-year and tertial periods by their published names.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace finsam::indicators {

struct ReportingPeriod {
    std::string name;  ///< 2019, 2019-H1, 2019-T2
    std::chrono::sys_days first;
    std::chrono::sys_days last;
};

/// The whole calendar periods of `kind` (year | half | tertial) that touch [from, to], in order. Throws
/// std::invalid_argument on an unknown kind or to < from.
std::vector<ReportingPeriod> reportingPeriods(std::chrono::year_month_day from, std::chrono::year_month_day to,
                                              const std::string& kind);

}  // namespace finsam::indicators
