// connectors/kommun-api/tests/support/held_state.h — what a hub would hold after applying records in order:
// the last upsert of each key until a retraction removes it. Enough to check a join or a whole run.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

#include "finsam/sdk/connector.h"

namespace finsam::connectors::kommun_api::testing {

class HeldState {
public:
    void apply(const std::vector<sdk::Record>& records);

    /// Held records of `entity` by key.
    const std::map<std::string, sdk::Record>& of(const std::string& entity) const;
    /// The value of `field` of a held record ("" when absent).
    static std::string field(const sdk::Record& record, const std::string& name);

    /// "from..tom" of each held ersattningsperiod of the person with `number`, in date order.
    std::vector<std::string> periodsOf(const std::string& number) const;
    /// Keys of the held periods of `number`, in date order.
    std::vector<std::string> keysOf(const std::string& number) const;

private:
    std::map<std::string, std::map<std::string, sdk::Record>> held_;
};

/// The value of `name` in `record` ("" when absent).
std::string fieldOf(const sdk::Record& record, const std::string& name);

}  // namespace finsam::connectors::kommun_api::testing
