// core/feed/feed_page_cache.h — finished feed pages, kept rendered: a full page never changes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/AbstractCache.h>
#include <Poco/LRUStrategy.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "core/feed/feed_query.h"
#include "core/feed/feed_reader.h"

namespace finsam::feed {

/// A rendered page and how many events it holds (for the access audit).
struct RenderedPage {
    std::string body;
    std::int64_t events = 0;
};

/// Least recently used out first, bounded by the bytes of the pages held rather than their number: a page at
/// limit=1000 is ten times one at limit=100, and a count sized for the large ones holds too few small ones.
class PageBytesStrategy : public Poco::LRUStrategy<std::string, RenderedPage> {
public:
    explicit PageBytesStrategy(std::size_t budgetBytes);

    void onAdd(const void* sender, const Poco::KeyValueArgs<std::string, RenderedPage>& args) override;
    void onRemove(const void* sender, const std::string& key) override;
    void onClear(const void* sender, const Poco::EventArgs& args) override;
    /// Names the least recently used pages beyond the budget; the newest page always stays.
    void onReplace(const void* sender, std::set<std::string>& elemsToRemove) override;

private:
    std::size_t budget_;
    std::size_t held_ = 0;
    std::map<std::string, std::size_t> bytes_;
};

/// Seqs are gap-free and commit in order, and the feed is append-only, so a page that came back full (limit
/// events) reads the same forever: replays and catching-up consumers are then served from memory, not the
/// store. Partial pages (the tail) are never cached. Thread-safe (Poco::AbstractCache locks).
class FeedPageCache {
public:
    explicit FeedPageCache(std::size_t budgetBytes) : cache_(PageBytesStrategy(budgetBytes)) {}

    /// The cache key of a page: cursor, limit, filter and format.
    static std::string keyOf(const FeedQuery& query, const FeedFilter& filter, bool ndjson);

    Poco::SharedPtr<RenderedPage> find(const std::string& key) { return cache_.get(key); }
    void add(const std::string& key, const RenderedPage& page) { cache_.add(key, page); }
    std::size_t pages() { return cache_.size(); }

private:
    Poco::AbstractCache<std::string, RenderedPage, PageBytesStrategy> cache_;
};

}  // namespace finsam::feed
