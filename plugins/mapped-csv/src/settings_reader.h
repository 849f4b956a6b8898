// plugins/mapped-csv/src/settings_reader.h — settings JSON to a checked Settings struct.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mapped_csv_settings.h"

namespace finsam::connectors::mapped_csv {

/// Parses `settingsJson`, validates it against schema.json, then applies the rules the schema
/// cannot express (fields of the entity, columns by name only with a header, canonical codes in
/// value tables, ...). Problems are "/json/pointer: reason" and never quote an identity; nullopt
/// when there is any. A relative drop_dir is resolved against `configDir`.
std::optional<Settings> readSettings(const std::string& settingsJson, const std::string& configDir,
                                     std::vector<std::string>& problems);

}  // namespace finsam::connectors::mapped_csv
