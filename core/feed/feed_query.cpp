// core/feed/feed_query.cpp — strict integer parsing: no signs, no spaces, no overflow.
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/feed_query.h"

#include <charconv>
#include <set>
#include <stdexcept>

#include "core/feed/event_catalogue.h"

namespace finsam::feed {

namespace {

bool parseNonNegative(const std::string& text, std::int64_t& out) {
    if (text.empty() || text.size() > 18) {
        return false;
    }
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size() && out >= 0;
}

}  // namespace

FeedQueryResult parseFeedQuery(const std::vector<std::pair<std::string, std::string>>& parameters) {
    FeedQueryResult result;
    std::set<std::string> seen;
    for (const auto& [name, value] : parameters) {
        if (!seen.insert(name).second) {
            return {false, {}, name, "given more than once"};
        }
        std::int64_t number = 0;
        if (name == "after") {
            if (!parseNonNegative(value, number)) {
                return {false, {}, name, "must be a non-negative integer"};
            }
            result.query.after = number;
        } else if (name == "limit") {
            if (!parseNonNegative(value, number) || number < 1 || number > kMaxLimit) {
                return {false, {}, name, "must be an integer from 1 to " + std::to_string(kMaxLimit)};
            }
            result.query.limit = static_cast<int>(number);
        } else if (name == "types") {
            try {
                result.query.types = expandTypes(value);
            } catch (const std::invalid_argument& e) {
                return {false, {}, name, e.what()};
            }
        } else if (name == "wait") {
            if (!parseNonNegative(value, number) || number > kMaxWaitSeconds) {
                return {false, {}, name, "must be an integer from 0 to " + std::to_string(kMaxWaitSeconds)};
            }
            result.query.waitSeconds = static_cast<int>(number);
        } else if (name == "format") {
            if (value != "json" && value != "ndjson") {
                return {false, {}, name, "must be json or ndjson"};
            }
            result.query.ndjson = value == "ndjson";
        } else {
            return {false, {}, name, "unknown parameter"};
        }
    }
    result.ok = true;
    return result;
}

}  // namespace finsam::feed
