// core/indicators/reporting_period.cpp — calendar arithmetic for periods.
// SPDX-License-Identifier: Apache-2.0
#include "core/indicators/reporting_period.h"

#include <stdexcept>

namespace finsam::indicators {

std::vector<ReportingPeriod> reportingPeriods(std::chrono::year_month_day from, std::chrono::year_month_day to,
                                              const std::string& kind) {
    using namespace std::chrono;
    int months = 0;
    std::string prefix;
    if (kind == "year") {
        months = 12;
    } else if (kind == "half") {
        months = 6, prefix = "-H";
    } else if (kind == "tertial") {
        months = 4, prefix = "-T";
    } else {
        throw std::invalid_argument("--period: \"" + kind + "\" is not one of year, half, tertial");
    }
    if (sys_days{to} < sys_days{from}) {
        throw std::invalid_argument("--to is before --from");
    }
    std::vector<ReportingPeriod> periods;
    for (int y = static_cast<int>(from.year()); y <= static_cast<int>(to.year()); ++y) {
        for (int part = 0; part < 12 / months; ++part) {
            const sys_days first{year{y} / month(static_cast<unsigned>(part * months + 1)) / 1};
            const sys_days last{year{y} / month(static_cast<unsigned>((part + 1) * months)) / std::chrono::last};
            if (last < sys_days{from} || first > sys_days{to}) continue;
            periods.push_back({std::to_string(y) + (prefix.empty() ? "" : prefix + std::to_string(part + 1)), first, last});
        }
    }
    return periods;
}

}  // namespace finsam::indicators
