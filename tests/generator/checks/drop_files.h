// tests/generator/checks/drop_files.h — test helpers: a private temp dir, the files of a drop,
// the truth documents.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <rapidjson/document.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace finsam::generator::checks {

/// A fresh directory below the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

std::string readBytes(const std::filesystem::path& path);

/// Every regular file below `dir`, keyed by its path relative to `dir` (generic form), with its
/// bytes. Sorted by that path, as a hub lists a drop.
std::map<std::string, std::string> readTree(const std::filesystem::path& dir);

/// Parses a truth file; fails the test on malformed JSON.
rapidjson::Document readJson(const std::filesystem::path& path);

/// Runs argv (argv[0] a path) to completion; returns the exit status and the child's peak RSS in
/// kB from wait4(), so a memory bound can be checked without the test's own allocations.
struct ChildRun {
    int exitStatus = -1;
    long maxRssKb = 0;
};
ChildRun runChild(const std::vector<std::string>& argv);

}  // namespace finsam::generator::checks
