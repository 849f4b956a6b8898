// connectors/fk-fixed/src/drop_scan.h — fk-fixed.md "Transport": which batch files the drop folder
// holds now.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace finsam::connectors::fk_fixed {

/// A batch file as listed: enough to tell whether it was handled before, without reading it.
struct DropFile {
    std::filesystem::path path;  ///< absolute (or as drop_dir was given)
    std::string relative;        ///< from drop_dir, '/'-separated: its name in the checkpoint
    std::uintmax_t size = 0;
    std::int64_t mtimeNs = 0;  ///< modification time, ns since the Unix epoch
};

struct DropListing {
    bool reachable = false;
    std::string detail;           ///< why not reachable
    std::vector<DropFile> files;  ///< sorted by `relative`
};

/// True for "fk_ers_<ten digits>_<digits>.txt"; a "*.tmp" (still being written) never matches.
bool isBatchFileName(const std::string& name);

/// Every batch file in `dropDir` and its subfolders (symlinked folders are not followed;
/// unreadable subfolders are skipped). The folder itself missing makes the listing unreachable.
DropListing listBatchFiles(const std::filesystem::path& dropDir);

/// The file's first `bytes` bytes (fewer when it is shorter), or nullopt when it cannot be read.
std::optional<std::string> readPrefix(const std::filesystem::path& path, std::size_t bytes);

}  // namespace finsam::connectors::fk_fixed
