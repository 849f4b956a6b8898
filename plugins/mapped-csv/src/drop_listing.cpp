// plugins/mapped-csv/src/drop_listing.cpp — formats/README.md: "never read: senders write *.tmp and
// rename".
// SPDX-License-Identifier: Apache-2.0
#include "drop_listing.h"

#include <fnmatch.h>

#include <algorithm>

namespace finsam::connectors::mapped_csv {

namespace fs = std::filesystem;

bool isPartialFile(const std::string& name) {
    constexpr std::string_view kSuffix = ".tmp";
    return name.size() >= kSuffix.size() &&
           name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0;
}

DropListing listDropFolder(const fs::path& folder, const std::string& pattern) {
    DropListing listing;
    std::error_code error;
    for (fs::directory_iterator it(folder, error); !error && it != fs::directory_iterator();
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        std::error_code typeError;
        if (!it->is_regular_file(typeError) || isPartialFile(name) ||
            ::fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) != 0) {
            continue;
        }
        listing.names.push_back(name);
    }
    if (error) {
        listing.error = error.message();
        listing.names.clear();
        return listing;
    }
    // Name order: dated names (af_finsam_..._20200115.csv) are then read oldest first.
    std::sort(listing.names.begin(), listing.names.end());
    listing.reachable = true;
    return listing;
}

}  // namespace finsam::connectors::mapped_csv
