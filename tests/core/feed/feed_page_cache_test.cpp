// tests/core/feed/feed_page_cache_test.cpp — the page cache is bounded by bytes, least recently used out first.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "core/feed/feed_page_cache.h"

namespace finsam::feed {
namespace {

RenderedPage pageOf(std::size_t bytes) { return {std::string(bytes, 'x'), 1}; }

TEST(FeedPageCacheTest, HoldsSmallPagesByTheirBytesNotByACount) {
    FeedPageCache cache(2 << 20);
    for (int i = 0; i < 1000; ++i) {
        cache.add("small/" + std::to_string(i), pageOf(1000));  // with its key and entry, about 1.3 KB a page
    }
    EXPECT_EQ(cache.pages(), 1000u);
    EXPECT_FALSE(cache.find("small/0").isNull());
}

TEST(FeedPageCacheTest, CountsWhatAnEntryCostsBesideItsBody) {
    FeedPageCache cache(100000);
    for (int i = 0; i < 1000; ++i) {
        cache.add(std::to_string(i), pageOf(1));  // limit=1 pages: the entries, not the bodies, fill memory
    }
    EXPECT_LT(cache.pages(), 400u);
}

TEST(FeedPageCacheTest, DropsTheLeastRecentlyUsedPagesBeyondTheBudget) {
    FeedPageCache cache(10000);
    cache.add("a", pageOf(4000));
    cache.add("b", pageOf(4000));
    ASSERT_FALSE(cache.find("a").isNull());  // a is now more recent than b
    cache.add("c", pageOf(4000));
    EXPECT_TRUE(cache.find("b").isNull()) << "the least recently used goes";
    EXPECT_FALSE(cache.find("a").isNull());
    EXPECT_FALSE(cache.find("c").isNull());
    EXPECT_EQ(cache.pages(), 2u);

    // Replacing a page counts its new size, not both.
    cache.add("c", pageOf(100));
    cache.add("d", pageOf(5000));
    EXPECT_FALSE(cache.find("a").isNull());
    EXPECT_FALSE(cache.find("c").isNull());
    EXPECT_FALSE(cache.find("d").isNull());
}

TEST(FeedPageCacheTest, APageLargerThanTheBudgetStaysAloneUntilTheNextOne) {
    FeedPageCache cache(1000);
    cache.add("a", pageOf(500));
    cache.add("big", pageOf(5000));
    EXPECT_TRUE(cache.find("a").isNull());
    ASSERT_FALSE(cache.find("big").isNull());
    EXPECT_EQ(cache.find("big")->body.size(), 5000u);
    cache.add("b", pageOf(500));
    EXPECT_TRUE(cache.find("big").isNull());
    EXPECT_FALSE(cache.find("b").isNull());
}

}  // namespace
}  // namespace finsam::feed
