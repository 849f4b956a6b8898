// tests/generator/forbund_writer.h — a world as the förbund's three CSV sheets plus KLAR.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/world.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace finsam::generator {

/// The three sheets as file contents: UTF-8 with BOM, ',' separated, CRLF, Excel quoting.
struct ForbundSheets {
    std::string insatser;
    std::string deltaganden;
    std::string samtycken;
};

/// Header rows exactly as forbund-csv.md names them.
const std::vector<std::string>& forbundInsatserHeader();
const std::vector<std::string>& forbundDeltagandenHeader();
const std::vector<std::string>& forbundSamtyckenHeader();

/// Renders the sheets. `seed` drives presentation-only choices (space or U+00A0 in amounts), from a
/// stream of its own so the world is unaffected by them. Pure: no files touched.
ForbundSheets renderForbundSheets(const World& world, std::uint64_t seed);

/// Writes <outDir>/forbund/{insatser,deltaganden,samtycken}.csv, each via .tmp and rename, then the
/// empty KLAR marker last. An old KLAR is removed first so a reader never pairs it with a
/// half-replaced set. Throws std::runtime_error naming the path on failure.
void writeForbundDrop(const World& world, std::uint64_t seed, const std::filesystem::path& outDir);

}  // namespace finsam::generator
