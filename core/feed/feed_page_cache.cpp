// core/feed/feed_page_cache.cpp — the key: everything that decides a page's bytes.
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/feed_page_cache.h"

namespace finsam::feed {

std::string FeedPageCache::keyOf(const FeedQuery& query, const FeedFilter& filter, bool ndjson) {
    std::string key = std::to_string(query.after) + "/" + std::to_string(query.limit) + "/" + filter.forbund + "/" +
                      (ndjson ? "n" : "j");
    for (const auto& type : filter.types) {
        key += "/" + type;
    }
    return key;
}

}  // namespace finsam::feed
