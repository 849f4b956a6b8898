// tests/support/state_csv.h — what `finsam-hub export --format csv` must write, stated independently of its code.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace finsam::testing {

/// The cells of a current-state item under `columns` (feed::stateColumns), by the documented rules: a scalar as
/// its text, null or absent empty, booleans true/false, a list joined with ';', "links.x" the member x of each
/// listed object joined with ';'.
std::vector<std::string> expectedCsvCells(const std::vector<std::string>& columns, const std::string& item);

/// Every record of an RFC 4180 text (header included) as its unquoted cells; fails the test on a syntax error.
std::vector<std::vector<std::string>> csvCells(const std::string& text);

}  // namespace finsam::testing
