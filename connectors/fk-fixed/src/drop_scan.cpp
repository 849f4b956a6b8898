// connectors/fk-fixed/src/drop_scan.cpp — a recursive listing; files are named by their path
// relative to drop_dir so a moved drop folder keeps its checkpoint.
// SPDX-License-Identifier: Apache-2.0
#include "drop_scan.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <regex>

namespace finsam::connectors::fk_fixed {

namespace fs = std::filesystem;

namespace {

// Unix-epoch nanoseconds, so the checkpoint reads the same whatever epoch the file clock uses.
std::int64_t toNanoseconds(fs::file_time_type time) {
    const auto system = std::chrono::file_clock::to_sys(time);
    return std::chrono::duration_cast<std::chrono::nanoseconds>(system.time_since_epoch()).count();
}

}  // namespace

bool isBatchFileName(const std::string& name) {
    static const std::regex pattern("fk_ers_[0-9]{10}_[0-9]+\\.txt");
    return std::regex_match(name, pattern);
}

DropListing listBatchFiles(const fs::path& dropDir) {
    DropListing listing;
    std::error_code error;
    if (!fs::is_directory(dropDir, error)) {
        listing.detail = error ? error.message() : "not a directory";
        return listing;
    }
    fs::recursive_directory_iterator it(dropDir, fs::directory_options::skip_permission_denied,
                                        error);
    if (error) {
        listing.detail = error.message();
        return listing;
    }
    listing.reachable = true;
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error) {
            break;  // a folder vanished while listing: take what was seen, the next poll sees more
        }
        std::error_code entryError;
        if (!it->is_regular_file(entryError) || !isBatchFileName(it->path().filename().string())) {
            continue;
        }
        DropFile file;
        file.path = it->path();
        file.relative = it->path().lexically_relative(dropDir).generic_string();
        file.size = it->file_size(entryError);
        if (entryError) {
            continue;  // renamed away between listing and stat
        }
        const auto time = it->last_write_time(entryError);
        if (entryError) {
            continue;
        }
        file.mtimeNs = toNanoseconds(time);
        listing.files.push_back(std::move(file));
    }
    std::sort(listing.files.begin(), listing.files.end(),
              [](const DropFile& a, const DropFile& b) { return a.relative < b.relative; });
    return listing;
}

std::optional<std::string> readPrefix(const fs::path& path, std::size_t bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::string prefix(bytes, '\0');
    in.read(prefix.data(), static_cast<std::streamsize>(bytes));
    if (in.bad()) {
        return std::nullopt;
    }
    prefix.resize(static_cast<std::size_t>(in.gcount()));
    return prefix;
}

}  // namespace finsam::connectors::fk_fixed
