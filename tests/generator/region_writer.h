// tests/generator/region_writer.h — the region's FHIR search answers as Bundle pages a test
// server can serve (region-fhir.md), with the truth beside them.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/generator_options.h"
#include "tests/generator/region_resources.h"
#include "tests/generator/world.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace finsam::generator::region {

constexpr const char* kBaseUrl = "https://fhir.region.test/R4";

struct Page {
    std::string file;               ///< page-0001.json …
    std::optional<std::string> url;  ///< the next link that asks for it; none for the query itself
    std::string json;
    std::size_t matches = 0;
    std::size_t includes = 0;
};

struct Search {
    std::string resource;  ///< EpisodeOfCare or Consent
    std::string query;     ///< the spec's query, {since} left as a placeholder
    std::vector<Page> pages;
};

/// searchset Bundles of `count` matches each (the _count), in _lastUpdated order, every page
/// including the Patients its matches point at; `next` links until the last page.
std::vector<Search> renderSearches(const Holdings& holdings, std::uint64_t seed, int count);

/// Writes <out>/region/<resource>/page-NNNN.json and index.json (next-link URL → file), and
/// <out>/truth/region.json. Throws std::invalid_argument for a page size outside 1-1000.
void writeDrop(const World& world, const GeneratorOptions& options, const std::filesystem::path& out);

}  // namespace finsam::generator::region
