// connectors/region-fhir/src/region_fhir_schema.h — schema.json, compiled in so configSchema() reads no file.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace finsam::connectors::region_fhir {

/// The text of connectors/region-fhir/schema.json (draft-04 schema of the instance `settings`).
std::string_view settingsSchemaText();

}  // namespace finsam::connectors::region_fhir
