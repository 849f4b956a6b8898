// connectors/region-fhir/src/search_checkpoint.h — the opaque checkpoint: per search, how far the committed
// pages reach.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

namespace finsam::connectors::region_fhir {

/// One search's committed state. `since` and `seen` together say exactly which matches are in the hub:
/// every match updated before `since`, and of those updated at `since` the ones in `seen` (the server's
/// `ge` answers the boundary again, and equal timestamps run across pages).
struct SearchCursor {
    std::string since;           ///< highest meta.lastUpdated of a committed match, as the server wrote it
    std::set<std::string> seen;  ///< "<type>/<id>/_history/<versionId>" of matches handled at `since`
    std::string next;            ///< the next page of a traversal cut short; "" = start with the query
    /// A page refused whole, not reported again while it is refused for the same reason.
    std::string refusedUrl;
    std::string refusedCode;

    bool operator==(const SearchCursor&) const = default;
};

/// Text form (README "Checkpoint"), written deterministically (keys and `seen` sorted):
/// {"v":1,"searches":{"Consent":{"since":"…","seen":["Consent/cns-1/_history/1",…],"next":"…",
///                               "refused":{"url":"…","code":"…"}},"EpisodeOfCare":{…}}}
/// (`next` and `refused` only when set).
struct Checkpoint {
    std::map<std::string, SearchCursor> searches;

    std::string toString() const;
    /// nullopt for text this connector did not write; "" is the empty checkpoint.
    static std::optional<Checkpoint> parse(const std::string& text);
};

/// The `seen` key of a match.
std::string seenKey(const std::string& type, const std::string& id, const std::string& versionId);

}  // namespace finsam::connectors::region_fhir
