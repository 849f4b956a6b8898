// connectors/kommun-api/src/support_period.h — a person's paid months joined into ersättningsperioder.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "payment_ledger.h"

namespace finsam::connectors::kommun_api {

/// Consecutive paid months of one person (kommun-api.md: "consecutive months join into one period").
struct SupportPeriod {
    Month first = 0;
    Month last = 0;
    /// The payment whose month starts the period (the least of them when several pay it).
    PaymentRef opening;
    std::vector<PaymentRef> payments;  ///< every payment of the period, month by month

    /// The entity key: the opening payment and whom it pays, e.g. "EB-2019-000123/sokande". It stays while
    /// the period grows or shrinks at its end, and changes only with its first month (or that month's least
    /// payment); it names no person, so no two periods of one person can be joined through their keys.
    std::string key() const;
    /// Same months, same opening: what the hub holds needs no update.
    bool sameAs(const SupportPeriod& other) const;
};

/// The periods of `person`, in month order.
std::vector<SupportPeriod> periodsOf(const PersonMonths& person);

}  // namespace finsam::connectors::kommun_api
