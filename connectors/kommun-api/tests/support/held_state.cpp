// connectors/kommun-api/tests/support/held_state.cpp
// SPDX-License-Identifier: Apache-2.0
#include "support/held_state.h"

#include <algorithm>

namespace finsam::connectors::kommun_api::testing {

std::string fieldOf(const sdk::Record& record, const std::string& name) {
    for (const auto& field : record.fields) {
        if (field.name == name) {
            return field.value;
        }
    }
    return "";
}

void HeldState::apply(const std::vector<sdk::Record>& records) {
    for (const auto& record : records) {
        if (record.operation == sdk::Operation::kRetract) {
            held_[record.entity].erase(record.key);
        } else {
            held_[record.entity][record.key] = record;
        }
    }
}

const std::map<std::string, sdk::Record>& HeldState::of(const std::string& entity) const {
    static const std::map<std::string, sdk::Record> kNone;
    auto it = held_.find(entity);
    return it == held_.end() ? kNone : it->second;
}

std::string HeldState::field(const sdk::Record& record, const std::string& name) { return fieldOf(record, name); }

std::vector<std::string> HeldState::periodsOf(const std::string& number) const {
    std::vector<std::string> periods;
    for (const auto& [key, record] : of("ersattningsperiod")) {
        if (fieldOf(record, "personnummer") == number) {
            periods.push_back(fieldOf(record, "from_datum") + ".." + fieldOf(record, "tom_datum"));
        }
    }
    std::sort(periods.begin(), periods.end());
    return periods;
}

std::vector<std::string> HeldState::keysOf(const std::string& number) const {
    std::vector<std::pair<std::string, std::string>> keys;
    for (const auto& [key, record] : of("ersattningsperiod")) {
        if (fieldOf(record, "personnummer") == number) {
            keys.emplace_back(fieldOf(record, "from_datum"), key);
        }
    }
    std::sort(keys.begin(), keys.end());
    std::vector<std::string> out;
    for (auto& [from, key] : keys) {
        out.push_back(key);
    }
    return out;
}

}  // namespace finsam::connectors::kommun_api::testing
