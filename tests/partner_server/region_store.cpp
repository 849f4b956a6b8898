// tests/partner_server/region_store.cpp — the generator's pages are read only as a source of resources;
// paging is the server's own, so any `since` and `_count` can be answered.
// SPDX-License-Identifier: Apache-2.0
#include "region_store.h"

#include <mutex>
#include <stdexcept>

#include "json_text.h"

namespace finsam::testing::partner {

void RegionStore::loadGeneratorPages(const std::filesystem::path& regionDir) {
    for (const char* type : {"EpisodeOfCare", "Consent"}) {
        const std::filesystem::path dir = regionDir / type;
        if (!std::filesystem::is_directory(dir)) {
            continue;
        }
        const rapidjson::Document index = readJsonFile(dir / "index.json");
        if (!index.IsObject() || !index.HasMember("pages") || !index["pages"].IsArray()) {
            throw std::runtime_error((dir / "index.json").string() + ": no \"pages\" array");
        }
        for (const auto& page : index["pages"].GetArray()) {
            const std::filesystem::path file = dir / stringMember(page, "file");
            const rapidjson::Document bundle = readJsonFile(file);
            if (!bundle.IsObject() || !bundle.HasMember("entry")) {
                continue;  // an empty searchset has no entry
            }
            for (const auto& entry : bundle["entry"].GetArray()) {
                try {
                    put(fhirResourceOf(entry["resource"]));
                } catch (const std::invalid_argument& error) {
                    throw std::runtime_error(file.string() + ": " + error.what());
                }
            }
        }
    }
}

void RegionStore::put(FhirResource resource) {
    if (resource.type != "Patient" && !isSearchable(resource.type)) {
        throw std::invalid_argument("the region server keeps EpisodeOfCare, Consent and Patient, not " +
                                    resource.type);
    }
    auto stored = std::make_shared<const FhirResource>(std::move(resource));
    std::unique_lock lock(mutex_);
    if (stored->type == "Patient") {
        patients_[stored->id] = stored;
        return;
    }
    Ordered& ordered = searchable_[stored->type];
    if (const auto old = ordered.positionOfId.find(stored->id); old != ordered.positionOfId.end()) {
        ordered.byTime.erase(old->second);  // a new version replaces the old one
    }
    const Position position{stored->lastUpdatedMillis, sequence_++};
    ordered.positionOfId[stored->id] = position;
    ordered.byTime.emplace(position, std::move(stored));
}

std::vector<RegionStore::Hit> RegionStore::search(std::string_view type, std::optional<std::int64_t> fromMillis,
                                                  bool strictlyAfter, bool withPatients) const {
    std::shared_lock lock(mutex_);
    std::vector<Hit> hits;
    const auto ordered = searchable_.find(type);
    if (ordered == searchable_.end()) {
        return hits;
    }
    const auto& byTime = ordered->second.byTime;
    auto it = byTime.begin();
    if (fromMillis) {
        it = byTime.lower_bound({*fromMillis + (strictlyAfter ? 1 : 0), 0});
    }
    for (; it != byTime.end(); ++it) {
        Hit hit{it->second, nullptr};
        if (withPatients && !hit.match->patientId.empty()) {
            if (const auto patient = patients_.find(hit.match->patientId); patient != patients_.end()) {
                hit.patient = patient->second;
            }
        }
        hits.push_back(std::move(hit));
    }
    return hits;
}

std::size_t RegionStore::count(std::string_view type) const {
    std::shared_lock lock(mutex_);
    if (type == "Patient") {
        return patients_.size();
    }
    const auto ordered = searchable_.find(type);
    return ordered == searchable_.end() ? 0 : ordered->second.byTime.size();
}

}  // namespace finsam::testing::partner
