// tests/generator/region_writer.cpp — the region's FHIR search answers as Bundle pages.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/region_writer.h"

#include "tests/generator/json_output.h"
#include "tests/generator/output_files.h"
#include "tests/generator/rng.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

namespace finsam::generator::region {
namespace {

using JsonWriter = CompactWriter;

void link(JsonWriter& w, const char* relation, const std::string& url) {
    w.StartObject();
    writeText(w, "relation", relation);
    writeText(w, "url", url);
    w.EndObject();
}

void entry(JsonWriter& w, const Resource& r, const char* mode) {
    w.StartObject();
    writeText(w, "fullUrl", std::string(kBaseUrl) + "/" + r.type + "/" + r.id);
    w.Key("resource");
    w.RawValue(r.json.c_str(), r.json.size(), rapidjson::kObjectType);
    w.Key("search");
    w.StartObject();
    writeText(w, "mode", mode);
    w.EndObject();
    w.EndObject();
}

Search paginate(const std::string& resource, const std::vector<Resource>& matches,
                const std::map<std::size_t, const Resource*>& patients, Rng rng, int count) {
    Search search;
    search.resource = resource;
    search.query = std::string(kBaseUrl) + "/" + resource +
                   "?_lastUpdated=ge{since}&_include=" + resource + ":patient&_sort=_lastUpdated&_count=" +
                   std::to_string(count);
    const std::string searchId = hexToken(rng);
    const auto size = static_cast<std::size_t>(count);
    const std::size_t pages = std::max<std::size_t>(1, (matches.size() + size - 1) / size);
    std::optional<std::string> url;
    for (std::size_t k = 0; k < pages; ++k) {
        const std::size_t first = std::min(matches.size(), k * size);
        const std::size_t last = std::min(matches.size(), first + size);
        const std::string self = url.value_or(search.query);
        std::optional<std::string> next;
        if (k + 1 < pages) {
            next = std::string(kBaseUrl) + "?_getpages=" + searchId + "&_getpagesoffset=" +
                   std::to_string(last) + "&_count=" + std::to_string(count) + "&_bundletype=searchset";
        }
        // Each page includes the patients its own matches reference, once.
        std::set<std::size_t> included;
        for (std::size_t i = first; i < last; ++i) {
            included.insert(matches[i].person);
        }
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        writeText(w, "resourceType", "Bundle");
        writeText(w, "id", searchId + "-" + std::to_string(k + 1));
        writeText(w, "type", "searchset");
        w.Key("total");
        w.Uint64(matches.size());
        w.Key("link");
        w.StartArray();
        link(w, "self", self);
        if (next) {
            link(w, "next", *next);
        }
        w.EndArray();
        w.Key("entry");
        w.StartArray();
        for (std::size_t i = first; i < last; ++i) {
            entry(w, matches[i], "match");
        }
        for (const std::size_t person : included) {
            entry(w, *patients.at(person), "include");
        }
        w.EndArray();
        w.EndObject();
        char file[32];
        std::snprintf(file, sizeof file, "page-%04zu.json", k + 1);
        search.pages.push_back({file, url, std::string(buffer.GetString(), buffer.GetSize()) + "\n",
                                last - first, included.size()});
        url = next;
    }
    return search;
}

std::string indexJson(const Search& search) {
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.text("query", search.query);
    json.key("pages");
    w.StartArray();
    for (const Page& page : search.pages) {
        w.StartObject();
        if (page.url) {
            json.text("url", *page.url);
        } else {
            json.key("url");
            w.Null();
        }
        json.text("file", page.file);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return json.document();
}

std::string truthJson(const Holdings& holdings, const std::vector<Search>& searches) {
    std::map<std::string, std::int64_t> episodeStatus;
    std::int64_t participations = 0;
    std::int64_t rehab = 0;
    std::vector<std::string> retracted;
    for (const Resource& r : holdings.episodes) {
        ++episodeStatus[r.status];
        if (r.status == "entered-in-error") {
            retracted.push_back(r.id);
            continue;
        }
        (r.insatsId ? participations : rehab) += 1;
    }
    std::map<std::string, std::int64_t> consentStatus;
    for (const Resource& r : holdings.consents) {
        ++consentStatus[r.status];
    }
    std::int64_t protectedPatients = 0;
    for (const Resource& p : holdings.patients) {
        protectedPatients += p.confidential ? 1 : 0;
    }
    JsonOutput json;
    auto& w = json.writer();
    w.StartObject();
    json.text("format", "region");
    json.key("searches");
    w.StartArray();
    for (const Search& search : searches) {
        w.StartObject();
        json.text("resource", search.resource);
        json.text("dir", "region/" + search.resource);
        json.number("pages", static_cast<std::int64_t>(search.pages.size()));
        std::int64_t matches = 0;
        std::int64_t includes = 0;
        for (const Page& page : search.pages) {
            matches += static_cast<std::int64_t>(page.matches);
            includes += static_cast<std::int64_t>(page.includes);
        }
        json.number("matches", matches);
        json.number("includes", includes);
        const auto& all = search.resource == "Consent" ? holdings.consents : holdings.episodes;
        json.text("highest_last_updated", all.empty() ? "" : all.back().lastUpdated);
        w.EndObject();
    }
    w.EndArray();
    json.key("faults");
    w.StartArray();
    w.EndArray();
    json.key("final");
    w.StartObject();
    json.number("patients", static_cast<std::int64_t>(holdings.patients.size()));
    json.number("protected_patients", protectedPatients);
    json.key("episodes");
    w.StartObject();
    json.number("total", static_cast<std::int64_t>(holdings.episodes.size()));
    json.counts("by_status", episodeStatus);
    json.number("finsam_participations", participations);
    json.number("rehabkoordinering", rehab);
    json.strings("retracted_entered_in_error", retracted);
    w.EndObject();
    json.key("consents");
    w.StartObject();
    json.number("total", static_cast<std::int64_t>(holdings.consents.size()));
    json.counts("by_status", consentStatus);
    w.EndObject();
    w.EndObject();
    w.EndObject();
    return json.document();
}

}  // namespace

std::vector<Search> renderSearches(const Holdings& holdings, std::uint64_t seed, int count) {
    if (count < 1 || count > 1000) {
        throw std::invalid_argument("--region-page-size must be 1-1000");
    }
    std::map<std::size_t, const Resource*> patients;
    for (const Resource& p : holdings.patients) {
        patients[p.person] = &p;
    }
    const Rng root(seed);
    return {paginate("EpisodeOfCare", holdings.episodes, patients, root.fork("region-pages-eoc"), count),
            paginate("Consent", holdings.consents, patients, root.fork("region-pages-consent"), count)};
}

void writeDrop(const World& world, const GeneratorOptions& options, const std::filesystem::path& out) {
    const Holdings holdings = buildHoldings(world, options.world.seed);
    const auto searches = renderSearches(holdings, options.world.seed, options.region.pageSize);
    std::filesystem::remove_all(out / "region");
    for (const Search& search : searches) {
        const std::filesystem::path dir = out / "region" / search.resource;
        for (const Page& page : search.pages) {
            writeFileAtomically(dir / page.file, page.json);
        }
        writeFileAtomically(dir / "index.json", indexJson(search));
    }
    writeFileAtomically(out / "truth" / "region.json", truthJson(holdings, searches));
}

}  // namespace finsam::generator::region
