// connectors/kommun-api/src/api_page.h — one answer of an endpoint: {"items":[…],"next_cursor","has_more"}.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>

namespace finsam::connectors::kommun_api {

/// A page whose envelope is the documented shape. Its items are not checked here: each is validated on
/// its own, and one that fails is quarantined alone.
struct ApiPage {
    rapidjson::Document document;  ///< owns the items
    std::string nextCursor;
    bool hasMore = false;

    const rapidjson::Value& items() const { return document["items"]; }
};

/// The page, or nullopt with `why` (never quoting the body: it may hold identities) when the body is not
/// JSON, not an object, lacks `items` as an array, `next_cursor` as a non-empty string or `has_more` as a
/// boolean. Such an answer fails the page with its cursor unchanged (kommun-api.md "Failure handling").
std::optional<ApiPage> parsePage(const std::string& body, std::string& why);

}  // namespace finsam::connectors::kommun_api
