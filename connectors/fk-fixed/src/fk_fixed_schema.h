// connectors/fk-fixed/src/fk_fixed_schema.h — schema.json, compiled in so configSchema() reads no
// file.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace finsam::connectors::fk_fixed {

/// The text of connectors/fk-fixed/schema.json (draft-04 schema of the instance `settings`).
std::string_view settingsSchemaText();

}  // namespace finsam::connectors::fk_fixed
