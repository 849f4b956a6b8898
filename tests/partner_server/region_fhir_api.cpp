// tests/partner_server/region_fhir_api.cpp — strict where a lenient server would hide a connector's
// mistake (an unknown parameter, a wrong _include, a missing Accept), lenient where real servers are
// (a '+' left unencoded in the time, a _count above the maximum).
// SPDX-License-Identifier: Apache-2.0
#include "region_fhir_api.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "bearer_header.h"
#include "fhir_bundle.h"
#include "fhir_instant.h"

namespace finsam::testing::partner {

namespace {

constexpr std::string_view kPrefix = "/R4/";

bool acceptsFhirJson(const std::string& accept) {
    return accept.find("application/fhir+json") != std::string::npos ||
           accept.find("application/json") != std::string::npos;
}

bool isKnownSearchParameter(const std::string& name) {
    static const std::array<std::string_view, 6> kKnown = {"_lastUpdated", "_include", "_sort",
                                                           "_count",       "_format",  "_total"};
    return std::find(kKnown.begin(), kKnown.end(), name) != kKnown.end();
}

std::optional<std::size_t> countOf(const PartnerRequest& request, std::size_t fallback) {
    const auto text = firstValue(request.query, "_count");
    if (!text) {
        return fallback;
    }
    const auto value = parseBoundedInteger(*text, 1, 1'000'000'000);
    if (!value) {
        return std::nullopt;
    }
    return std::min<std::size_t>(static_cast<std::size_t>(*value), RegionFhirApi::kMaxCount);
}

}  // namespace

RegionFhirApi::RegionFhirApi(const RegionStore& store, std::string acceptedToken, bool requireFhirAccept)
    : store_(store),
      acceptedToken_(std::move(acceptedToken)),
      requireFhirAccept_(requireFhirAccept),
      random_(std::random_device{}()) {}

Answer RegionFhirApi::answer(const PartnerRequest& request) {
    const auto token = bearerTokenOf(request.header("Authorization"));
    if (!token || *token != acceptedToken_) {
        Answer refused = fhirError(401, "login", "a valid bearer token is required");
        refused.headers.emplace_back("WWW-Authenticate", R"(Bearer realm="region", error="invalid_token")");
        return refused;
    }
    if (requireFhirAccept_ && !acceptsFhirJson(request.header("Accept"))) {
        return fhirError(406, "not-supported", "send Accept: application/fhir+json");
    }
    if (request.method() != "GET") {
        return fhirError(405, "not-supported", "only GET searches are served");
    }
    const std::string type = request.path.substr(std::min(request.path.size(), kPrefix.size()));
    if (request.path.rfind(kPrefix, 0) != 0 || !RegionStore::isSearchable(type)) {
        return fhirError(404, "not-found", "no such search: " + request.path);
    }
    if (const auto searchId = firstValue(request.query, "_getpages")) {
        return nextPage(request, type, *searchId);
    }
    return newSearch(request, type);
}

Answer RegionFhirApi::newSearch(const PartnerRequest& request, const std::string& type) {
    for (const auto& [name, value] : request.query) {
        if (!isKnownSearchParameter(name)) {
            return fhirError(400, "not-supported", "unsupported search parameter " + name);
        }
    }
    std::optional<std::int64_t> from;
    bool strictlyAfter = false;
    if (const auto lastUpdated = firstValue(request.query, "_lastUpdated")) {
        const std::string prefix = lastUpdated->substr(0, 2);
        if (prefix != "ge" && prefix != "gt") {
            return fhirError(400, "not-supported", "_lastUpdated takes the prefix ge or gt");
        }
        std::string time = lastUpdated->substr(2);
        std::replace(time.begin(), time.end(), ' ', '+');  // a client that form-encoded the offset's '+'
        from = parseFhirTimeMillis(time);
        if (!from) {
            return fhirError(400, "invalid", "_lastUpdated is not a FHIR date or time: " + *lastUpdated);
        }
        strictlyAfter = prefix == "gt";
    }
    bool withPatients = false;
    if (const auto include = firstValue(request.query, "_include")) {
        if (*include != type + ":patient") {
            return fhirError(400, "not-supported", "only _include=" + type + ":patient is supported");
        }
        withPatients = true;
    }
    if (const auto sort = firstValue(request.query, "_sort"); sort && *sort != "_lastUpdated") {
        return fhirError(400, "not-supported", "only _sort=_lastUpdated is supported");
    }
    const auto count = countOf(request, kDefaultCount);
    if (!count) {
        return fhirError(400, "invalid", "_count must be a positive whole number");
    }
    auto search = std::make_shared<Search>();
    search->type = type;
    search->hits = store_.search(type, from, strictlyAfter, withPatients);
    search->count = *count;
    const std::string searchId = remember(search);
    return page(request, searchId, *search, 0, *count);
}

Answer RegionFhirApi::nextPage(const PartnerRequest& request, const std::string& type,
                               const std::string& searchId) {
    std::shared_ptr<const Search> search;
    {
        std::lock_guard lock(mutex_);
        if (const auto found = searches_.find(searchId); found != searches_.end()) {
            search = found->second;
        }
    }
    if (!search || search->type != type) {
        return fhirError(410, "not-found", "the search " + searchId + " is unknown or has expired");
    }
    const auto offset = parseBoundedInteger(firstValue(request.query, "_getpagesoffset").value_or("0"), 0,
                                            static_cast<long long>(search->hits.size()));
    const auto count = countOf(request, search->count);
    if (!offset || !count) {
        return fhirError(400, "invalid", "_getpagesoffset or _count out of range");
    }
    return page(request, searchId, *search, static_cast<std::size_t>(*offset), *count);
}

Answer RegionFhirApi::page(const PartnerRequest& request, const std::string& searchId, const Search& search,
                           std::size_t offset, std::size_t count) const {
    const std::size_t end = std::min(search.hits.size(), offset + count);
    SearchPage page;
    page.bundleId = searchId + "-" + std::to_string(offset);
    page.base = request.origin + "/R4";
    page.selfUrl = request.origin + request.target();
    if (end < search.hits.size()) {
        page.nextUrl = page.base + "/" + search.type + "?_getpages=" + searchId + "&_getpagesoffset=" +
                       std::to_string(end) + "&_count=" + std::to_string(count) + "&_bundletype=searchset";
    }
    page.total = search.hits.size();
    page.hits = std::span<const RegionStore::Hit>(search.hits).subspan(offset, end - offset);
    Answer answer;
    answer.contentType = kFhirJson;
    answer.body = searchsetBundle(page);
    answer.payload = Payload::kBundle;
    return answer;
}

std::string RegionFhirApi::remember(std::shared_ptr<const Search> search) {
    std::lock_guard lock(mutex_);
    char id[17];
    std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(random_()));
    searches_[id] = std::move(search);
    searchOrder_.emplace_back(id);
    if (searchOrder_.size() > kSearchesKept) {
        searches_.erase(searchOrder_.front());
        searchOrder_.pop_front();
    }
    return id;
}

}  // namespace finsam::testing::partner
