// connectors/af-csv/src/af_csv_schema.h — schema.json, compiled in so configSchema() reads no file.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace finsam::connectors::af_csv {

/// The text of connectors/af-csv/schema.json (draft-04 schema of the instance `settings`).
std::string_view settingsSchemaText();

}  // namespace finsam::connectors::af_csv
