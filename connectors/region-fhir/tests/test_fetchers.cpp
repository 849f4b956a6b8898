// connectors/region-fhir/tests/test_fetchers.cpp — index.json lookups and scripted answers.
// SPDX-License-Identifier: Apache-2.0
#include "test_fetchers.h"

#include <rapidjson/document.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace finsam::connectors::region_fhir::testing {

namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// "…/EpisodeOfCare?…" -> "EpisodeOfCare"
std::string typeOfQuery(const std::string& url) {
    const auto query = url.find('?');
    const auto slash = url.rfind('/', query);
    return query == std::string::npos || slash == std::string::npos ? "" : url.substr(slash + 1, query - slash - 1);
}

}  // namespace

std::string withoutSince(const std::string& url) {
    const auto start = url.find("_lastUpdated=ge");
    if (start == std::string::npos) {
        return url;
    }
    const auto end = url.find('&', start);
    return url.substr(0, start) + (end == std::string::npos ? "" : url.substr(end + 1));
}

GeneratedPagesFetcher::GeneratedPagesFetcher(const fs::path& regionDir) {
    for (const auto& entry : fs::directory_iterator(regionDir)) {
        if (!fs::exists(entry.path() / "index.json")) {
            continue;
        }
        const std::string type = entry.path().filename().string();
        rapidjson::Document index;
        const std::string text = readText(entry.path() / "index.json");
        if (index.Parse(text.c_str()).HasParseError()) {
            throw std::runtime_error("index.json of " + type + " is not JSON");
        }
        for (const auto& page : index["pages"].GetArray()) {
            const fs::path file = entry.path() / page["file"].GetString();
            if (page["url"].IsNull()) {
                searches_[type] = {withoutSince(index["query"].GetString()), file};
            } else {
                pages_[page["url"].GetString()] = file;
                links_[type].push_back(page["url"].GetString());
            }
        }
    }
}

fs::path GeneratedPagesFetcher::fileFor(const std::string& url) const {
    if (auto page = pages_.find(url); page != pages_.end()) {
        return page->second;
    }
    auto search = searches_.find(typeOfQuery(url));
    if (search != searches_.end() && withoutSince(url) == search->second.queryWithoutSince) {
        return search->second.firstPage;
    }
    return {};
}

std::vector<std::string> GeneratedPagesFetcher::nextLinks(const std::string& type) const {
    auto it = links_.find(type);
    return it == links_.end() ? std::vector<std::string>{} : it->second;
}

FetchedPage GeneratedPagesFetcher::fetch(const std::string& url) {
    requests_.push_back(url);
    const fs::path file = fileFor(url);
    if (file.empty()) {
        return {url, 404, R"({"resourceType":"OperationOutcome"})"};
    }
    return {url, 200, readText(file)};
}

void ScriptedFetcher::answer(const std::string& url, std::string body, long status) {
    pages_[url] = {url, status, std::move(body)};
}

void ScriptedFetcher::answerQuery(const std::string& type, std::string body, long status) {
    queries_[type] = {"", status, std::move(body)};
}

FetchedPage ScriptedFetcher::fetch(const std::string& url) {
    requests_.push_back(url);
    if (failure_) {
        throw *failure_;
    }
    if (auto page = pages_.find(url); page != pages_.end()) {
        return page->second;
    }
    if (auto query = queries_.find(typeOfQuery(url)); query != queries_.end()) {
        FetchedPage answer = query->second;
        answer.url = url;
        return answer;
    }
    return {url, 404, R"({"resourceType":"OperationOutcome"})"};
}

}  // namespace finsam::connectors::region_fhir::testing
