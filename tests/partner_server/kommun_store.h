// tests/partner_server/kommun_store.h — the kommun API's two change logs: items in change order.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "kommun_endpoints.h"

namespace finsam::testing::partner {


/// Per endpoint, every item ever changed, in change order (a later item with the same id is a later version,
/// as the API has it). Items are only ever appended, so a position stays valid. Thread-safe.
class KommunStore {
public:
    static bool isEndpoint(std::string_view path) {
        return path == kUtbetalningarEndpoint || path == kDeltagandenEndpoint;
    }

    /// Appends the items of the generator's pages below `kommunDir` (DIR/kommun/api/v1/…/index.json and its
    /// files, in order). With `acceptGeneratorCursors`, the cursors of those files are accepted as well.
    void loadGeneratorPages(const std::filesystem::path& kommunDir, bool acceptGeneratorCursors);
    /// Appends one item (compact JSON object) to `endpoint`'s log.
    void append(std::string_view endpoint, std::string itemJson);

    /// The position (items before it) a cursor names, or nothing for a cursor this log never gave out.
    std::optional<std::size_t> positionOf(std::string_view endpoint, std::string_view cursor) const;

    struct Slice {
        std::vector<std::string> items;
        std::size_t end = 0;   ///< position after the last item returned
        std::size_t size = 0;  ///< items in the log now
    };
    Slice slice(std::string_view endpoint, std::size_t from, std::size_t limit) const;
    std::size_t count(std::string_view endpoint) const;

private:
    struct Log {
        std::vector<std::string> items;
        std::map<std::string, std::size_t> generatorCursors;
    };
    Log& logOf(std::string_view endpoint);

    mutable std::shared_mutex mutex_;
    std::map<std::string, Log, std::less<>> logs_;
};

}  // namespace finsam::testing::partner
