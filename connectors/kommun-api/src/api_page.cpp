// connectors/kommun-api/src/api_page.cpp
// SPDX-License-Identifier: Apache-2.0
#include "api_page.h"

#include <rapidjson/error/en.h>

#include "json_depth.h"

namespace finsam::connectors::kommun_api {

std::optional<ApiPage> parsePage(const std::string& body, std::string& why) {
    ApiPage page;
    if (const auto deep = sdk::toolkit::jsonTooDeepAt(body)) {
        why = "the body nests deeper than " + std::to_string(sdk::toolkit::kMaxJsonDepth) + " levels (at offset " +
              std::to_string(*deep) + ")";
        return std::nullopt;
    }
    if (page.document.Parse(body.c_str(), body.size()).HasParseError()) {
        why = std::string("the body is not JSON (") + rapidjson::GetParseError_En(page.document.GetParseError()) +
              " at offset " + std::to_string(page.document.GetErrorOffset()) + ")";
        return std::nullopt;
    }
    if (!page.document.IsObject()) {
        why = "the body is not a JSON object";
        return std::nullopt;
    }
    const auto items = page.document.FindMember("items");
    const auto cursor = page.document.FindMember("next_cursor");
    const auto more = page.document.FindMember("has_more");
    if (items == page.document.MemberEnd() || !items->value.IsArray()) {
        why = "the body has no items array";
    } else if (cursor == page.document.MemberEnd() || !cursor->value.IsString() ||
               cursor->value.GetStringLength() == 0) {
        why = "the body has no next_cursor string";
    } else if (more == page.document.MemberEnd() || !more->value.IsBool()) {
        why = "the body has no has_more boolean";
    }
    if (!why.empty()) {
        return std::nullopt;
    }
    page.nextCursor.assign(cursor->value.GetString(), cursor->value.GetStringLength());
    page.hasMore = more->value.GetBool();
    return std::optional<ApiPage>(std::move(page));
}

}  // namespace finsam::connectors::kommun_api
