// tests/partner_server/fhir_bundle.h — one page of a FHIR search as a searchset Bundle.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>

#include "region_store.h"

namespace finsam::testing::partner {

struct SearchPage {
    std::string bundleId;
    std::string base;                    ///< "http(s)://host:port/R4": fullUrl is base/type/id
    std::string selfUrl;
    std::optional<std::string> nextUrl;  ///< none on the last page
    std::size_t total = 0;               ///< matches of the whole search
    std::span<const RegionStore::Hit> hits;
};

/// {"resourceType":"Bundle","type":"searchset","total",…,"link":[self, next],"entry":[…]}: the page's
/// matches (search.mode "match"), then each Patient they reference once (search.mode "include").
std::string searchsetBundle(const SearchPage& page);

}  // namespace finsam::testing::partner
