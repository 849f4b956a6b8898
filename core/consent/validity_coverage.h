// core/consent/validity_coverage.h — a participation that cites no consent, covered by one in force at its start.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

#include "core/consent/consent.h"
#include "core/model/work_record.h"
#include "core/store/database.h"

namespace finsam::consent {

/// Architecture §4: a consent that no row cites covers the person's participations that start inside its
/// validity. The region's FINSAM episodes cite nothing; the region's own FHIR Consent covers them. Decided
/// when the participation is placed, with the same policy the linker uses (isAnonymous), from the consents of
/// the same person (every organisation's record of them, matched by link key) stored at that moment.
class ValidityCoverage {
public:
    explicit ValidityCoverage(store::Database& database) : database_(database) {}

    /// The covering consent's withdrawal date ("" when not withdrawn), or nullopt when no consent covers it.
    std::optional<std::string> coveringWithdrawal(const model::WorkRecord& deltagande);

private:
    store::Database& database_;
};

}  // namespace finsam::consent
