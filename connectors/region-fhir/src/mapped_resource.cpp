// connectors/region-fhir/src/mapped_resource.cpp — building records of one match.
// SPDX-License-Identifier: Apache-2.0
#include "mapped_resource.h"

namespace finsam::connectors::region_fhir {

sdk::Record makeRecord(const std::string& entity, sdk::Operation operation, const MatchContext& where,
                       std::int64_t line) {
    sdk::Record record;
    record.entity = entity;
    record.key = where.id;
    record.operation = operation;
    record.position = {where.source, line};
    record.raw = where.raw;
    return record;
}

void addField(sdk::Record& record, const char* name, const std::string& value) {
    if (!value.empty()) {
        record.fields.push_back({name, value, 0});  // JSON has no columns: the pointer is in problems
    }
}

MappedResource quarantined(const std::string& entity, ResourceFault fault) {
    MappedResource out;
    out.entity = entity;
    out.fault = std::move(fault);
    return out;
}

}  // namespace finsam::connectors::region_fhir
