// tests/generator/kommun_writer.h — the kommun API's answers as files a test server can serve
// (kommun-api.md), with the truth beside them.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/generator_options.h"
#include "tests/generator/kommun_items.h"
#include "tests/generator/world.h"

#include <filesystem>
#include <string>
#include <vector>

namespace finsam::generator::kommun {

/// One answer: {"items":[…],"next_cursor":"…","has_more":…}.
struct Page {
    std::string file;    ///< page-0001.json …
    std::optional<std::string> cursor;  ///< the cursor that asks for it; none for the first call
    std::string json;
    std::size_t items = 0;
};

struct Endpoint {
    std::string path;  ///< /api/v1/forsorjningsstod/utbetalningar, /api/v1/finsam/deltaganden
    std::vector<Page> pages;  ///< the last is the empty answer a later run gets for the final cursor
};

/// Pages of `pageSize` items (1-1000, the API's limit) for both endpoints; cursors are opaque
/// 16-hex-digit tokens drawn from the seed.
std::vector<Endpoint> renderEndpoints(const ChangeLogs& logs, std::uint64_t seed, int pageSize);

/// Writes <out>/kommun/<endpoint path>/page-NNNN.json and index.json (cursor → file, for the test
/// server), and <out>/truth/kommun.json. Throws std::invalid_argument for a page size outside 1-1000.
void writeDrop(const World& world, const GeneratorOptions& options, const std::filesystem::path& out);

}  // namespace finsam::generator::kommun
