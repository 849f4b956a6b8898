// core/feed/feed_page_cache.h — finished feed pages, kept rendered: a full page never changes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/LRUCache.h>

#include <cstdint>
#include <string>

#include "core/feed/feed_query.h"
#include "core/feed/feed_reader.h"

namespace finsam::feed {

/// A rendered page and how many events it holds (for the access audit).
struct RenderedPage {
    std::string body;
    std::int64_t events = 0;
};

/// Seqs are gap-free and commit in order, and the feed is append-only, so a page that came back full (limit
/// events) reads the same forever: replays and catching-up consumers are then served from memory, not the
/// store. Partial pages (the tail) are never cached. Thread-safe (Poco::LRUCache locks).
class FeedPageCache {
public:
    explicit FeedPageCache(std::size_t pages) : cache_(pages) {}

    /// The cache key of a page: cursor, limit, filter and format.
    static std::string keyOf(const FeedQuery& query, const FeedFilter& filter, bool ndjson);

    Poco::SharedPtr<RenderedPage> find(const std::string& key) { return cache_.get(key); }
    void add(const std::string& key, const RenderedPage& page) { cache_.add(key, page); }

private:
    Poco::LRUCache<std::string, RenderedPage> cache_;
};

}  // namespace finsam::feed
