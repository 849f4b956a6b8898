// tests/generator/output_files.h — writes a partner's files as senders must: *.tmp, then rename.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string_view>

namespace finsam::generator {

/// Writes `content` to `path` + ".tmp", flushes and closes it, then renames it over `path`, so a
/// reader never sees a half-written file (formats/README.md). Creates the parent directory. Throws
/// std::runtime_error naming the path on any failure.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content);

/// Removes `path` if it exists (e.g. an old KLAR marker before a new set is written). Throws on
/// failure.
void removeIfPresent(const std::filesystem::path& path);

}  // namespace finsam::generator
