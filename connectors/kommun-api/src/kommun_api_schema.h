// connectors/kommun-api/src/kommun_api_schema.h — schema.json, compiled in so configSchema() reads no file.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace finsam::connectors::kommun_api {

/// The text of connectors/kommun-api/schema.json (draft-04 schema of the instance `settings`).
std::string_view settingsSchemaText();

}  // namespace finsam::connectors::kommun_api
