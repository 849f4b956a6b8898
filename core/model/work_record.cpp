// core/model/work_record.cpp — accessors of WorkRecord.
// SPDX-License-Identifier: Apache-2.0
#include "core/model/work_record.h"

namespace finsam::model {

const std::string& WorkRecord::value(const std::string& field) const {
    static const std::string kEmpty;
    auto it = values.find(field);
    return it == values.end() || it->second.empty() ? kEmpty : it->second.front();
}

std::int32_t WorkRecord::column(const std::string& field) const {
    auto it = columns.find(field);
    return it == columns.end() ? 0 : it->second;
}

}  // namespace finsam::model
