// core/common/embedded_file.h — files compiled into the binary: migrations, JSON Schemas, default mappings.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

namespace finsam::common {

struct EmbeddedFile {
    std::string_view name;  ///< file name without directory, e.g. "0001_initial.sql"
    std::string_view content;
};

const std::vector<EmbeddedFile>& embeddedMigrations();  ///< core/store/migrations/*.sql, sorted
const std::vector<EmbeddedFile>& embeddedSchemas();     ///< config/schemas/*.json
const std::vector<EmbeddedFile>& embeddedIndicators();  ///< config/indicators/core/*.json
const std::vector<EmbeddedFile>& embeddedMappings();    ///< config/mappings/*.json (defaults init writes out)
const std::vector<EmbeddedFile>& embeddedEventSchemas();  ///< config/schemas/events/*.schema.json
const std::vector<EmbeddedFile>& embeddedApiDescription();  ///< core/http/openapi.json
const std::vector<EmbeddedFile>& embeddedAdminPage();  ///< core/http/admin/* (the page served at /admin/)

/// The embedded file called `name` in `files`, or nullptr.
const EmbeddedFile* findEmbedded(const std::vector<EmbeddedFile>& files, std::string_view name);

}  // namespace finsam::common
