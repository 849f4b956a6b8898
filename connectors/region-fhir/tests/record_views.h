// connectors/region-fhir/tests/record_views.h — small readers over what a run emitted.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "collecting_sink.h"

namespace finsam::connectors::region_fhir::testing {

/// The first value of `field`, or "".
std::string valueOf(const sdk::Record& record, const std::string& field);

/// Every value of `field`, in order.
std::vector<std::string> valuesOf(const sdk::Record& record, const std::string& field);

/// "entity key operation line field=value …" — one line per record, for comparing runs. The identity fields
/// for probabilistic linkage (fornamn, efternamn, fodelsedatum) are left out.
std::string describe(const sdk::Record& record, bool withPosition = true);
std::vector<std::string> describeAll(const std::vector<sdk::Record>& records, bool withPosition = true);

/// Records of `entity` with `operation`; `statedOnly` keeps those at a real entry (line > 0).
std::vector<sdk::Record> select(const sdk::testkit::Collected& collected, const std::string& entity,
                                sdk::Operation operation, bool statedOnly = true);

}  // namespace finsam::connectors::region_fhir::testing
