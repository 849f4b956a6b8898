// plugins/sdk/testkit/settings_schema.h — a connector's settings against its configSchema(), as the
// host checks.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace finsam::sdk::testkit {

/// Checks `settingsJson` against the draft-04 schema `schemaJson` with RapidJSON's SchemaValidator.
/// Returns "/json/pointer: reason" entries (RapidJSON 1.1 stops at the first violation); empty =
/// valid. Text that is not JSON is reported at pointer "/" (settings) or as "schema: ..." (schema).
std::vector<std::string> validateSettings(const std::string& schemaJson,
                                          const std::string& settingsJson);

/// What style.md §3 asks of a connector schema: draft-04, an object with additionalProperties
/// false, and every property with a type and a description. Returns one line per shortfall; empty =
/// fine.
std::vector<std::string> lintSettingsSchema(const std::string& schemaJson);

}  // namespace finsam::sdk::testkit
