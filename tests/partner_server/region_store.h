// tests/partner_server/region_store.h — the region's current resources, ordered for _lastUpdated searches.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "fhir_resource.h"

namespace finsam::testing::partner {

/// Holds the current version of every EpisodeOfCare, Consent and Patient, like a FHIR server: a resource
/// put again (same type and id) replaces the one it had. Thread-safe.
class RegionStore {
public:
    /// The resource types a search can ask for; their Patients come as includes.
    static bool isSearchable(std::string_view type) { return type == "EpisodeOfCare" || type == "Consent"; }

    /// Puts every resource of the generator's pages below `regionDir` (DIR/region/<type>/index.json and the
    /// page files it lists), in page order. A missing type folder adds nothing.
    void loadGeneratorPages(const std::filesystem::path& regionDir);
    /// Adds or replaces one resource (EpisodeOfCare, Consent or Patient; else std::invalid_argument).
    void put(FhirResource resource);

    struct Hit {
        ResourcePtr match;
        ResourcePtr patient;  ///< the Patient it references, when asked for and known
    };
    /// The resources of `type` whose meta.lastUpdated is at or after `fromMillis` (after it when
    /// `strictlyAfter`; all when no bound), in the order (lastUpdated, then the order they were put).
    std::vector<Hit> search(std::string_view type, std::optional<std::int64_t> fromMillis, bool strictlyAfter,
                            bool withPatients) const;
    std::size_t count(std::string_view type) const;

private:
    using Position = std::pair<std::int64_t, std::uint64_t>;  // (lastUpdated, sequence of the put)
    struct Ordered {
        std::map<Position, ResourcePtr> byTime;
        std::unordered_map<std::string, Position> positionOfId;
    };

    mutable std::shared_mutex mutex_;
    std::map<std::string, Ordered, std::less<>> searchable_;
    std::unordered_map<std::string, ResourcePtr> patients_;
    std::uint64_t sequence_ = 0;
};

}  // namespace finsam::testing::partner
