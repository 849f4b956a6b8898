// tests/fuzz/replay_main.cpp — the main of a fuzz target in a build without libFuzzer: runs
// LLVMFuzzerTestOneInput once over every file in the folders and files given, in name order, so the
// checked-in seeds and every crash ever found are replayed by ctest in every build. A broken invariant
// aborts, as it does under libFuzzer; the file being read is printed first so the report names it.
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path given(argv[i]);
        std::error_code error;
        if (fs::is_directory(given, error)) {
            for (const auto& entry : fs::recursive_directory_iterator(given)) {
                // Notes (*.md, e.g. a README saying where a crash came from) may sit beside the inputs.
                if (entry.is_regular_file() && entry.path().extension() != ".md") {
                    files.push_back(entry.path());
                }
            }
        } else if (fs::is_regular_file(given, error)) {
            files.push_back(given);
        } else {
            // A target without regressions yet has no folder for them.
            std::fprintf(stderr, "replay: %s does not exist, nothing to replay there\n", argv[i]);
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in.eof() && in.fail()) {
            std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
            return 2;
        }
        std::fprintf(stderr, "replay: %s (%zu bytes)\n", file.c_str(), bytes.size());
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::printf("replayed %zu input(s)\n", files.size());
    return 0;
}
