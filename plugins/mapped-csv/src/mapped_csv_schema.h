// plugins/mapped-csv/src/mapped_csv_schema.h — schema.json, compiled in so configSchema() reads no
// file.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace finsam::connectors::mapped_csv {

/// The text of plugins/mapped-csv/schema.json (draft-04 schema of the instance `settings`).
std::string_view settingsSchemaText();

}  // namespace finsam::connectors::mapped_csv
