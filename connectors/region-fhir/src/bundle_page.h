// connectors/region-fhir/src/bundle_page.h — one search answer checked as a whole: a searchset Bundle whose
// entries are matches of the search or the Patients it includes. A page that is not valid JSON, not a
// Bundle, or holds an entry of another resource type is refused whole (region-fhir.md "Failure handling").
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fhir_json.h"

namespace finsam::connectors::region_fhir {

/// Why a page is refused whole.
struct PageFault {
    std::string code;     ///< invalid_json, not_a_bundle, not_a_searchset, malformed_bundle, unknown_resource_type
    std::string message;  ///< names the JSON pointer at fault; never a value that could be an identity
    std::int64_t rows = 0;  ///< matches the page held, when they could be counted
};

class BundlePage {
public:
    /// Checks `body` as an answer of the search for `matchType` (EpisodeOfCare or Consent).
    /// Exactly one of the two results is set.
    struct Reading;
    static Reading read(const std::string& body, const std::string& matchType);

    /// Entry indexes (0-based) of the matches, in page order.
    const std::vector<std::size_t>& matches() const { return matches_; }
    /// Entry indexes of OperationOutcome entries (search.mode outcome): server remarks, not data.
    const std::vector<std::size_t>& outcomes() const { return outcomes_; }
    /// The resource of entry `index`.
    const JsonValue& resource(std::size_t index) const;
    /// The entry index of the included Patient a reference ("Patient/pat-1", a full URL ending so, with or
    /// without /_history/n) points at, or nullopt when the page does not include it.
    std::optional<std::size_t> includedPatient(const std::string& reference) const;
    /// link[relation=next].url, when there is a next page.
    const std::optional<std::string>& next() const { return next_; }

private:
    rapidjson::Document document_;
    std::vector<std::size_t> matches_;
    std::vector<std::size_t> outcomes_;
    std::map<std::string, std::size_t> patients_;  ///< Patient id -> entry index (first one wins)
    std::optional<std::string> next_;
};

struct BundlePage::Reading {
    std::optional<BundlePage> page;
    std::optional<PageFault> fault;
};

}  // namespace finsam::connectors::region_fhir
