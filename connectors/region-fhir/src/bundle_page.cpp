// connectors/region-fhir/src/bundle_page.cpp — shape checks of a searchset page, entry by entry.
// SPDX-License-Identifier: Apache-2.0
#include "bundle_page.h"

#include <rapidjson/error/en.h>

#include "json_depth.h"
#include "safe_message.h"

namespace finsam::connectors::region_fhir {

namespace {

constexpr const char* kPatient = "Patient";
constexpr const char* kOperationOutcome = "OperationOutcome";

std::string quoted(const std::string& value) { return sdk::toolkit::quoteForMessage(value); }

// Counted before any other check, so a refused page still says how many matches it held.
std::int64_t countMatches(const JsonValue& entries, const std::string& matchType) {
    std::int64_t count = 0;
    for (const auto& entry : entries.GetArray()) {
        const JsonValue* resource = member(entry, "resource");
        if (resource != nullptr && stringMember(*resource, "resourceType").value_or("") == matchType) {
            ++count;
        }
    }
    return count;
}

// "Patient/pat-1", "https://x/R4/Patient/pat-1", "Patient/pat-1/_history/2" -> "pat-1".
std::optional<std::string> patientIdOf(const std::string& reference) {
    std::string path = reference;
    if (auto history = path.find("/_history/"); history != std::string::npos) {
        path.erase(history);
    }
    const std::string marker = "Patient/";
    auto at = path.rfind(marker);
    if (at == std::string::npos || (at != 0 && path[at - 1] != '/')) {
        return std::nullopt;
    }
    std::string id = path.substr(at + marker.size());
    if (id.empty() || id.find('/') != std::string::npos) {
        return std::nullopt;
    }
    return id;
}

}  // namespace

const JsonValue& BundlePage::resource(std::size_t index) const {
    return document_["entry"][static_cast<rapidjson::SizeType>(index)]["resource"];
}

std::optional<std::size_t> BundlePage::includedPatient(const std::string& reference) const {
    auto id = patientIdOf(reference);
    if (!id) {
        return std::nullopt;
    }
    auto it = patients_.find(*id);
    return it == patients_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

BundlePage::Reading BundlePage::read(const std::string& body, const std::string& matchType) {
    BundlePage page;
    auto fault = [](std::string code, std::string message, std::int64_t rows = 0) {
        return Reading{std::nullopt, PageFault{std::move(code), std::move(message), rows}};
    };
    rapidjson::Document& document = page.document_;
    if (const auto deep = sdk::toolkit::jsonTooDeepAt(body)) {
        return fault("invalid_json", "the page nests deeper than " + std::to_string(sdk::toolkit::kMaxJsonDepth) +
                                         " levels (at byte " + std::to_string(*deep) + ")");
    }
    if (document.Parse(body.c_str(), body.size()).HasParseError()) {
        return fault("invalid_json", std::string("the page is not valid JSON (") +
                                         rapidjson::GetParseError_En(document.GetParseError()) + " at byte " +
                                         std::to_string(document.GetErrorOffset()) + ")");
    }
    const auto resourceType = stringMember(document, "resourceType");
    if (!document.IsObject() || !resourceType || *resourceType != "Bundle") {
        return fault("not_a_bundle", "the page is not a FHIR Bundle (/resourceType is " +
                                         (resourceType ? quoted(*resourceType) : std::string("missing")) + ")");
    }
    const JsonValue* entries = member(document, "entry");
    if (entries != nullptr && !entries->IsArray()) {
        return fault("malformed_bundle", "/entry is not a list");
    }
    const std::int64_t rows = entries != nullptr ? countMatches(*entries, matchType) : 0;
    const auto type = stringMember(document, "type");
    if (!type || *type != "searchset") {
        return fault("not_a_searchset",
                     "the Bundle is not a search answer (/type is " +
                         (type ? quoted(*type) : std::string("missing")) + ", not 'searchset')",
                     rows);
    }
    if (const JsonValue* links = member(document, "link")) {
        if (!links->IsArray()) {
            return fault("malformed_bundle", "/link is not a list", rows);
        }
        for (std::size_t i = 0; i < links->Size(); ++i) {
            const JsonValue& link = (*links)[static_cast<rapidjson::SizeType>(i)];
            if (stringMember(link, "relation").value_or("") != "next") {
                continue;
            }
            auto url = stringMember(link, "url");
            if (!url || url->empty()) {
                return fault("malformed_bundle", "/link/" + std::to_string(i) + "/url is missing", rows);
            }
            page.next_ = *url;
        }
    }
    for (std::size_t i = 0; entries != nullptr && i < entries->Size(); ++i) {
        const JsonValue& entry = (*entries)[static_cast<rapidjson::SizeType>(i)];
        const std::string at = "/entry/" + std::to_string(i);
        const JsonValue* resource = member(entry, "resource");
        if (resource == nullptr || !resource->IsObject()) {
            return fault("malformed_bundle", at + "/resource is missing", rows);
        }
        const auto entryType = stringMember(*resource, "resourceType");
        if (!entryType) {
            return fault("malformed_bundle", at + "/resource/resourceType is missing", rows);
        }
        const JsonValue* search = member(entry, "search");
        const std::string mode = search != nullptr ? stringMember(*search, "mode").value_or("") : "";
        if (*entryType == matchType && (mode.empty() || mode == "match")) {
            page.matches_.push_back(i);
        } else if (*entryType == kPatient && (mode.empty() || mode == "include")) {
            if (auto id = stringMember(*resource, "id")) {
                page.patients_.emplace(*id, i);
            }
        } else if (*entryType == kOperationOutcome && mode == "outcome") {
            page.outcomes_.push_back(i);
        } else {
            return fault("unknown_resource_type",
                         at + "/resource/resourceType " + quoted(*entryType) +
                             (mode.empty() ? std::string() : " (search.mode " + quoted(mode) + ")") +
                             " is not one the " + matchType + " search returns (" + matchType +
                             " matches, included Patients)",
                         rows);
        }
    }
    return Reading{std::move(page), std::nullopt};
}

}  // namespace finsam::connectors::region_fhir
