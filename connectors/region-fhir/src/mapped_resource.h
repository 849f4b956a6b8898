// connectors/region-fhir/src/mapped_resource.h — what one match becomes: records, or the fault that
// quarantines it alone; and where the match sits.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fhir_json.h"
#include "finsam/sdk/connector.h"

namespace finsam::connectors::region_fhir {

/// A resource that fails validation is quarantined alone (region-fhir.md): the JSON pointer of the value at
/// fault within the page, a machine code and a reason that never quotes an identity.
struct ResourceFault {
    std::string pointer;  ///< e.g. /entry/3/resource/identifier/0/value
    std::string code;     ///< e.g. bad_identifier, missing_patient, missing_value, unknown_code
    std::string message;
};

/// Where a match sits in its page.
struct MatchContext {
    std::string source;      ///< the page's URL
    std::int64_t line = 0;   ///< 1-based entry position: the resource is /entry/<line - 1>/resource
    Pointer at;              ///< pointer of the resource
    std::string id;          ///< resource id (the record key)
    std::string lastUpdated; ///< meta.lastUpdated as sent
    std::string raw;         ///< the resource as text, identities removed (redacted_raw.h)
};

/// What one match became: records for the hub, or the fault that quarantines it (then no record).
struct MappedResource {
    std::vector<sdk::Record> records;
    std::optional<ResourceFault> fault;
    std::string entity;  ///< the entity it feeds (for the quarantine entry)
};

/// A record of the match at `where`: position (page URL, `line`), key = resource id, raw = its redacted text.
/// `line` 0 marks a record derived from the resource rather than stated by it (README "Records").
sdk::Record makeRecord(const std::string& entity, sdk::Operation operation, const MatchContext& where,
                       std::int64_t line);

/// Appends field `name` unless `value` is empty (an absent value is left out, never sent empty).
void addField(sdk::Record& record, const char* name, const std::string& value);

/// A MappedResource that quarantines the match with `fault`.
MappedResource quarantined(const std::string& entity, ResourceFault fault);

}  // namespace finsam::connectors::region_fhir
