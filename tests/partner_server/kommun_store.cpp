// tests/partner_server/kommun_store.cpp — the generator's page boundaries are not kept: the server pages
// by the caller's `limit` itself.
// SPDX-License-Identifier: Apache-2.0
#include "kommun_store.h"

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "json_text.h"
#include "kommun_cursor.h"

namespace finsam::testing::partner {

namespace {

const rapidjson::Value& arrayMember(const rapidjson::Document& document, const char* name,
                                    const std::filesystem::path& file) {
    if (!document.IsObject() || !document.HasMember(name) || !document[name].IsArray()) {
        throw std::runtime_error(file.string() + ": no \"" + name + "\" array");
    }
    return document[name];
}

}  // namespace

void KommunStore::loadGeneratorPages(const std::filesystem::path& kommunDir, bool acceptGeneratorCursors) {
    for (const std::string_view endpoint : {kUtbetalningarEndpoint, kDeltagandenEndpoint}) {
        const std::filesystem::path dir = kommunDir / endpoint.substr(1);
        if (!std::filesystem::is_directory(dir)) {
            continue;
        }
        const std::filesystem::path indexFile = dir / "index.json";
        const rapidjson::Document index = readJsonFile(indexFile);
        std::unique_lock lock(mutex_);
        Log& log = logOf(endpoint);
        for (const auto& page : arrayMember(index, "pages", indexFile).GetArray()) {
            const std::string cursor = stringMember(page, "cursor");
            if (acceptGeneratorCursors && !cursor.empty()) {
                log.generatorCursors.emplace(cursor, log.items.size());
            }
            const std::filesystem::path file = dir / stringMember(page, "file");
            const rapidjson::Document body = readJsonFile(file);
            for (const auto& item : arrayMember(body, "items", file).GetArray()) {
                log.items.push_back(compactJson(item));
            }
        }
    }
}

void KommunStore::append(std::string_view endpoint, std::string itemJson) {
    std::unique_lock lock(mutex_);
    logOf(endpoint).items.push_back(std::move(itemJson));
}

KommunStore::Log& KommunStore::logOf(std::string_view endpoint) {
    if (!isEndpoint(endpoint)) {
        throw std::invalid_argument("the kommun API has no endpoint " + std::string(endpoint));
    }
    const auto found = logs_.find(endpoint);
    return found != logs_.end() ? found->second : logs_[std::string(endpoint)];
}

std::optional<std::size_t> KommunStore::positionOf(std::string_view endpoint, std::string_view cursor) const {
    std::shared_lock lock(mutex_);
    const auto log = logs_.find(endpoint);
    const std::size_t size = log == logs_.end() ? 0 : log->second.items.size();
    if (const auto position = decodeCursor(endpoint, cursor); position && *position <= size) {
        return position;
    }
    if (log != logs_.end()) {
        if (const auto known = log->second.generatorCursors.find(std::string(cursor));
            known != log->second.generatorCursors.end()) {
            return known->second;
        }
    }
    return std::nullopt;
}

KommunStore::Slice KommunStore::slice(std::string_view endpoint, std::size_t from, std::size_t limit) const {
    std::shared_lock lock(mutex_);
    Slice slice;
    const auto log = logs_.find(endpoint);
    if (log == logs_.end()) {
        return slice;
    }
    const auto& items = log->second.items;
    slice.size = items.size();
    const std::size_t first = std::min(from, items.size());
    slice.end = std::min(items.size(), first + limit);
    slice.items.assign(items.begin() + static_cast<std::ptrdiff_t>(first),
                       items.begin() + static_cast<std::ptrdiff_t>(slice.end));
    return slice;
}

std::size_t KommunStore::count(std::string_view endpoint) const {
    std::shared_lock lock(mutex_);
    const auto log = logs_.find(endpoint);
    return log == logs_.end() ? 0 : log->second.items.size();
}

}  // namespace finsam::testing::partner
