// plugins/sdk/testkit/temp_dir.cpp — hermetic file fixtures (style.md §5): nothing is written
// beside the sources.
// SPDX-License-Identifier: Apache-2.0
#include "temp_dir.h"

#include <atomic>
#include <cstdio>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>

namespace finsam::sdk::testkit {

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device random;
    const auto base = std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        // Hex and a letter between the parts: the name must never look like a personnummer in a log
        // line.
        char name[48];
        std::snprintf(name, sizeof name, "finsam-test-%08xn%d", random(), counter++);
        auto candidate = base / name;
        if (std::filesystem::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("could not create a temporary directory");
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

int copyFiles(const std::filesystem::path& from, const std::filesystem::path& to) {
    int copied = 0;
    for (const auto& entry : std::filesystem::directory_iterator(from)) {
        if (entry.is_regular_file()) {
            std::filesystem::copy_file(entry.path(), to / entry.path().filename(),
                                       std::filesystem::copy_options::overwrite_existing);
            ++copied;
        }
    }
    return copied;
}

void touchAfterSiblings(const std::filesystem::path& file,
                        std::filesystem::file_time_type::duration offset) {
    auto newest = std::filesystem::file_time_type::min();
    for (const auto& entry : std::filesystem::directory_iterator(file.parent_path())) {
        if (entry.is_regular_file() && entry.path() != file) {
            newest = std::max(newest, entry.last_write_time());
        }
    }
    if (newest == std::filesystem::file_time_type::min()) {
        newest = std::filesystem::file_time_type::clock::now();
    }
    std::filesystem::last_write_time(file, newest + offset);
}

void writeSecretFile(const std::filesystem::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace);
}

}  // namespace finsam::sdk::testkit
