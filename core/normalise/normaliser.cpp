// core/normalise/normaliser.cpp — table lookups; unknown values are named so IT staff can extend the table.
// SPDX-License-Identifier: Apache-2.0
#include "core/normalise/normaliser.h"

namespace finsam::normalise {

std::optional<model::Rejection> Normaliser::process(model::WorkRecord& record) const {
    if (record.retract) {
        return std::nullopt;
    }
    for (auto& [field, values] : record.values) {
        const ValueTable* table = mapping_.tableFor(record.entity, field);
        if (table == nullptr) {
            continue;
        }
        for (auto& value : values) {
            auto it = table->find(value);
            if (it == table->end()) {
                return model::Rejection{"unknown_code", field, record.column(field),
                                        "unknown value '" + value + "' for " + record.entity + "." + field +
                                            " (not in mapping table '" + mapping_.tableName(record.entity, field) +
                                            "')"};
            }
            value = it->second;
        }
    }
    return std::nullopt;
}

}  // namespace finsam::normalise
