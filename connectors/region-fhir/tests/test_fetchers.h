// connectors/region-fhir/tests/test_fetchers.h — PageFetchers without a network: the generator's recorded
// search answers (finsam-gen region) and pages written by a test.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "page_fetcher.h"

namespace finsam::connectors::region_fhir::testing {

/// Serves DIR/region/<type>/page-*.json as finsam-gen wrote them. Each <type>/index.json names the query
/// (with {since} left in) that page-0001 answers, and the next-link URL of every other page. Like the
/// recorded server it stands for, it answers the query with the whole search whatever `since` says: the
/// connector's own boundary rules must skip what it has read. Any other URL answers 404.
class GeneratedPagesFetcher : public PageFetcher {
public:
    explicit GeneratedPagesFetcher(const std::filesystem::path& regionDir);
    FetchedPage fetch(const std::string& url) override;

    /// Every URL asked for, in order.
    const std::vector<std::string>& requests() const { return requests_; }
    /// The file a URL maps to, or "" (for tests that edit a page).
    std::filesystem::path fileFor(const std::string& url) const;
    /// Next-link URLs of a search's pages 2…, in page order.
    std::vector<std::string> nextLinks(const std::string& type) const;

private:
    struct Search {
        std::string queryWithoutSince;
        std::filesystem::path firstPage;
    };
    std::map<std::string, Search> searches_;                    ///< type -> query
    std::map<std::string, std::filesystem::path> pages_;        ///< next-link URL -> file
    std::map<std::string, std::vector<std::string>> links_;     ///< type -> next links in order
    std::vector<std::string> requests_;
};

/// Answers written by the test: exact URLs, or "the query of <type>" whatever its since and count.
/// Unknown URLs answer 404. `failWith` makes every fetch throw until cleared.
class ScriptedFetcher : public PageFetcher {
public:
    void answer(const std::string& url, std::string body, long status = 200);
    void answerQuery(const std::string& type, std::string body, long status = 200);
    void failWith(std::optional<FetchError> error) { failure_ = std::move(error); }
    FetchedPage fetch(const std::string& url) override;
    const std::vector<std::string>& requests() const { return requests_; }

private:
    std::map<std::string, FetchedPage> pages_;
    std::map<std::string, FetchedPage> queries_;  ///< type -> answer
    std::optional<FetchError> failure_;
    std::vector<std::string> requests_;
};

/// Lets every run of a connector share one fetcher (runs own theirs; tests keep the data between runs).
class SharedFetcher : public PageFetcher {
public:
    explicit SharedFetcher(std::shared_ptr<PageFetcher> target) : target_(std::move(target)) {}
    FetchedPage fetch(const std::string& url) override { return target_->fetch(url); }

private:
    std::shared_ptr<PageFetcher> target_;
};

/// Path of the query part `_lastUpdated=ge…&` removed, so a query matches whatever since it carries.
std::string withoutSince(const std::string& url);

}  // namespace finsam::connectors::region_fhir::testing
