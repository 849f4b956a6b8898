// tests/partner_server/fhir_bundle.cpp — resources go in as the stored JSON text, unparsed.
// SPDX-License-Identifier: Apache-2.0
#include "fhir_bundle.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <unordered_set>

namespace finsam::testing::partner {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void text(Writer& w, const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void link(Writer& w, const char* relation, const std::string& url) {
    w.StartObject();
    text(w, "relation", relation);
    text(w, "url", url);
    w.EndObject();
}

void entry(Writer& w, const std::string& base, const FhirResource& resource, const char* mode) {
    w.StartObject();
    text(w, "fullUrl", base + "/" + resource.type + "/" + resource.id);
    w.Key("resource");
    w.RawValue(resource.json.data(), resource.json.size(), rapidjson::kObjectType);
    w.Key("search");
    w.StartObject();
    text(w, "mode", mode);
    w.EndObject();
    w.EndObject();
}

}  // namespace

std::string searchsetBundle(const SearchPage& page) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    text(w, "resourceType", "Bundle");
    text(w, "id", page.bundleId);
    text(w, "type", "searchset");
    w.Key("total");
    w.Uint64(page.total);
    w.Key("link");
    w.StartArray();
    link(w, "self", page.selfUrl);
    if (page.nextUrl) {
        link(w, "next", *page.nextUrl);
    }
    w.EndArray();
    w.Key("entry");
    w.StartArray();
    for (const auto& hit : page.hits) {
        entry(w, page.base, *hit.match, "match");
    }
    std::unordered_set<std::string> included;
    for (const auto& hit : page.hits) {
        if (hit.patient && included.insert(hit.patient->id).second) {
            entry(w, page.base, *hit.patient, "include");
        }
    }
    w.EndArray();
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace finsam::testing::partner
