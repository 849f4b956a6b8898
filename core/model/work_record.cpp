// core/model/work_record.cpp — accessors of WorkRecord.
// SPDX-License-Identifier: Apache-2.0
#include "core/model/work_record.h"

namespace finsam::model {

const std::string& WorkRecord::value(const std::string& field) const {
    static const std::string kEmpty;
    auto it = values.find(field);
    return it == values.end() || it->second.empty() ? kEmpty : it->second.front();
}

std::vector<PersonRef> linkKeysOverTime(const PersonRef& person) {
    PersonRef now;
    now.linkKind = person.linkKind;
    now.linkKeyId = person.linkKeyId;
    now.linkKey = person.linkKey;
    std::vector<PersonRef> keys{now};
    for (const auto& [keyId, value] : person.earlierLinkKeys) {
        keys.push_back(now);
        keys.back().linkKeyId = keyId;
        keys.back().linkKey = value;
    }
    return keys;
}

std::int32_t WorkRecord::column(const std::string& field) const {
    auto it = columns.find(field);
    return it == columns.end() ? 0 : it->second;
}

}  // namespace finsam::model
