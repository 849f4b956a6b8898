// core/feed/feed_page_cache.cpp — the key (everything that decides a page's bytes) and the byte budget.
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/feed_page_cache.h"

#include <iterator>

namespace finsam::feed {

namespace {
constexpr std::size_t kEntryOverheadBytes = 256;
}  // namespace

std::string FeedPageCache::keyOf(const FeedQuery& query, const FeedFilter& filter, bool ndjson) {
    std::string key = std::to_string(query.after) + "/" + std::to_string(query.limit) + "/" + filter.forbund + "/" +
                      (ndjson ? "n" : "j");
    for (const auto& type : filter.types) {
        key += "/" + type;
    }
    return key;
}

PageBytesStrategy::PageBytesStrategy(std::size_t budgetBytes)
    : Poco::LRUStrategy<std::string, RenderedPage>(1), budget_(budgetBytes) {}

void PageBytesStrategy::onAdd(const void* sender, const Poco::KeyValueArgs<std::string, RenderedPage>& args) {
    LRUStrategy::onAdd(sender, args);
    // The body, and what each entry costs beside it: the key in four places, the nodes and the shared pointer.
    const std::size_t size = args.value().body.size() + 4 * args.key().size() + kEntryOverheadBytes;
    auto [at, inserted] = bytes_.emplace(args.key(), size);
    if (!inserted) {
        held_ -= at->second;
        at->second = size;
    }
    held_ += size;
}

void PageBytesStrategy::onRemove(const void* sender, const std::string& key) {
    LRUStrategy::onRemove(sender, key);
    if (auto at = bytes_.find(key); at != bytes_.end()) {
        held_ -= at->second;
        bytes_.erase(at);
    }
}

void PageBytesStrategy::onClear(const void* sender, const Poco::EventArgs& args) {
    LRUStrategy::onClear(sender, args);
    bytes_.clear();
    held_ = 0;
}

void PageBytesStrategy::onReplace(const void*, std::set<std::string>& elemsToRemove) {
    // _keys runs from the most recently used to the least.
    std::size_t held = held_;
    for (auto it = _keys.rbegin(); held > budget_ && it != _keys.rend() && std::next(it) != _keys.rend(); ++it) {
        held -= bytes_[*it];
        elemsToRemove.insert(*it);
    }
}

}  // namespace finsam::feed
