// connectors/kommun-api/src/support_period.cpp
// SPDX-License-Identifier: Apache-2.0
#include "support_period.h"

namespace finsam::connectors::kommun_api {

std::string SupportPeriod::key() const {
    return opening.id + (opening.role == Role::kApplicant ? "/sokande" : "/medsokande");
}

bool SupportPeriod::sameAs(const SupportPeriod& other) const {
    return first == other.first && last == other.last && opening == other.opening;
}

std::vector<SupportPeriod> periodsOf(const PersonMonths& person) {
    std::vector<SupportPeriod> periods;
    for (const auto& paid : person.months) {
        if (periods.empty() || paid.month > periods.back().last + 1) {
            periods.push_back({paid.month, paid.month, paid.ref, {}});  // sorted: the month's least payment
        }
        periods.back().last = paid.month;
        periods.back().payments.push_back(paid.ref);
    }
    return periods;
}

}  // namespace finsam::connectors::kommun_api
