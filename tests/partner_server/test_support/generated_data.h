// tests/partner_server/test_support/generated_data.h — finsam-gen's region and kommun drops for the
// partner server's tests (made at build time, see CMakeLists.txt).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <filesystem>
#include <vector>

namespace finsam::testing {

struct GeneratedData {
    std::filesystem::path dir;  ///< finsam-gen region + kommun --out
    int regionPageSize = 0;
    int kommunPageSize = 0;
    rapidjson::Document regionTruth;  ///< DIR/truth/region.json
    rapidjson::Document kommunTruth;  ///< DIR/truth/kommun.json
};

/// seed 7, 300 participants, region pages of 50, kommun pages of 500: several pages per search and endpoint.
const GeneratedData& generatedData();
/// Another world (seed 8, 120 participants): "later changes" for loadLaterChanges().
std::filesystem::path laterData();

/// The generator's own pages of a region search or kommun endpoint folder, parsed, in index order.
std::vector<rapidjson::Document> generatorPages(const std::filesystem::path& folder);

}  // namespace finsam::testing
