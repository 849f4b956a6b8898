// tests/partner_server/region_fhir_api.h — the region's FHIR R4 searches (region-fhir.md): EpisodeOfCare
// and Consent by _lastUpdated with their Patients, paged by the server's own next links.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "answer.h"
#include "partner_request.h"
#include "region_store.h"

namespace finsam::testing::partner {

/// Answers GET /R4/{EpisodeOfCare|Consent}?_lastUpdated=ge{since}&_include={type}:patient
/// &_sort=_lastUpdated&_count=N and the next links it hands out
/// (/R4/{type}?_getpages={search}&_getpagesoffset={offset}&_count=N). A search is fixed when it is made,
/// like a FHIR server's cached search: changes put later show in the next search, not in its pages.
class RegionFhirApi {
public:
    static constexpr std::size_t kDefaultCount = 200;
    static constexpr std::size_t kMaxCount = 1000;        ///< a larger _count is cut to this, as servers do
    static constexpr std::size_t kSearchesKept = 1000;    ///< older searches' next links answer 410 Gone

    RegionFhirApi(const RegionStore& store, std::string acceptedToken, bool requireFhirAccept);

    Answer answer(const PartnerRequest& request);

private:
    struct Search {
        std::string type;
        std::vector<RegionStore::Hit> hits;
        std::size_t count = kDefaultCount;
    };

    Answer newSearch(const PartnerRequest& request, const std::string& type);
    Answer nextPage(const PartnerRequest& request, const std::string& type, const std::string& searchId);
    Answer page(const PartnerRequest& request, const std::string& searchId, const Search& search,
                std::size_t offset, std::size_t count) const;
    std::string remember(std::shared_ptr<const Search> search);

    const RegionStore& store_;
    std::string acceptedToken_;
    bool requireFhirAccept_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const Search>> searches_;
    std::deque<std::string> searchOrder_;
    std::mt19937_64 random_;
};

}  // namespace finsam::testing::partner
