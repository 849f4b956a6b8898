// tests/generator/faults.h — the fault switches (--fault NAME): which format each belongs to and
// what a correct hub must do with it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <string>
#include <vector>

namespace finsam::generator {

struct FaultInfo {
    const char* name;      ///< the switch, e.g. "bad-date"
    const char* format;    ///< "af" or "fk"
    const char* injects;   ///< what the generator writes
    const char* expected;  ///< what the hub must end up doing (README, --help)
};

/// Every known fault, in the order the README lists them.
const std::vector<FaultInfo>& allFaults();

/// Throws std::invalid_argument for a name that is not a fault.
void checkFaultNames(const std::set<std::string>& faults);

/// The subset of `faults` that belongs to `format`.
std::set<std::string> faultsOf(const std::set<std::string>& faults, const std::string& format);

}  // namespace finsam::generator
