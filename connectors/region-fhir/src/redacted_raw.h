// connectors/region-fhir/src/redacted_raw.h — a resource as Record.raw / Problem.raw text, with every
// identity and name taken out first (the hub redacts again before it stores raw; this keeps the connector's
// own output clean).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "fhir_json.h"

namespace finsam::connectors::region_fhir {

/// Compact JSON of `resource` without: narrative (`text`), `contained` resources and `name`s, the
/// `display` of references (often a name), values of identifiers under the personnummer, samordningsnummer
/// and reservnummer systems (emptied), and `reference`/`id` strings that could hold a number (a server
/// may key its Patients by personnummer).
std::string redactedRaw(const JsonValue& resource);

}  // namespace finsam::connectors::region_fhir
