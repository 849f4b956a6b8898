// plugins/mapped-csv/src/drop_listing.h — the files in the drop folder that are ready to be read.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace finsam::connectors::mapped_csv {

struct DropListing {
    bool reachable = false;  ///< false: the folder is missing or cannot be listed (source down)
    std::string error;       ///< why, when not reachable
    std::vector<std::string> names;  ///< matching regular files, sorted by name
};

/// Regular files in `folder` whose name matches the glob `pattern` (fnmatch, a leading dot only
/// matched explicitly), except half-written ones: senders write `*.tmp` and rename when complete.
DropListing listDropFolder(const std::filesystem::path& folder, const std::string& pattern);

/// True for a name the sender is still writing (`*.tmp`).
bool isPartialFile(const std::string& name);

}  // namespace finsam::connectors::mapped_csv
