// plugins/mapped-csv/src/schema_validation.h — settings against schema.json with RapidJSON's
// SchemaValidator.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace finsam::connectors::mapped_csv {

/// Validates `settings` against the embedded schema.json. Returns "/json/pointer: reason" entries
/// in words an operator can act on ("must be one of: utf-8, windows-1252, iso-8859-1");
/// RapidJSON 1.1 stops at the first violation, so there is at most one. Empty = valid.
std::vector<std::string> validateAgainstSchema(const rapidjson::Value& settings);

}  // namespace finsam::connectors::mapped_csv
