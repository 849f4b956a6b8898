// connectors/region-fhir/src/search_query.h — the two searches of region-fhir.md "Queries", and which
// URLs the connector may send its token to.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <optional>
#include <string>

namespace finsam::connectors::region_fhir {

/// The searched resource types, in the order a run reads them: consents first, so the episodes of a
/// run meet the consents recorded before them.
inline constexpr std::array<const char*, 2> kSearches = {"Consent", "EpisodeOfCare"};

/// {base}/{type}?_lastUpdated=ge{since}&_include={type}:patient&_sort=_lastUpdated&_count={count}.
/// `since` is percent-encoded (a '+' offset would otherwise read as a space); without a since the
/// _lastUpdated parameter is left out and the search returns everything.
std::string searchUrl(const std::string& baseUrl, const std::string& type, const std::string& since, int count);

/// "scheme://host:port" in lower case with the default port filled in, for http(s) URLs with a host;
/// nullopt otherwise. A next link is followed only when its origin is the base URL's.
std::optional<std::string> originOf(const std::string& url);

}  // namespace finsam::connectors::region_fhir
