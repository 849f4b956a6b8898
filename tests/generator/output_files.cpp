// tests/generator/output_files.cpp — writes a partner's files as senders must: *.tmp, then rename.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/output_files.h"

#include <fstream>
#include <stdexcept>
#include <system_error>

namespace finsam::generator {

void writeFileAtomically(const std::filesystem::path& path, std::string_view content) {
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) {
        throw std::runtime_error(path.parent_path().string() +
                                 ": cannot create directory: " + error.message());
    }
    std::filesystem::path temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            throw std::runtime_error(temporary.string() + ": write failed");
        }
    }
    std::filesystem::rename(temporary, path, error);
    if (error) {
        throw std::runtime_error(path.string() + ": rename failed: " + error.message());
    }
}

void removeIfPresent(const std::filesystem::path& path) {
    std::error_code error;
    std::filesystem::remove(path, error);
    if (error) {
        throw std::runtime_error(path.string() + ": cannot remove: " + error.message());
    }
}

}  // namespace finsam::generator
