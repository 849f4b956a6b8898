// plugins/sdk/toolkit/file_read.h — reading a whole file into memory, reporting why it could not be
// read.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace finsam::sdk::toolkit {

/// The bytes of `path`, or nullopt with `error` set to a reason that does not repeat the path (e.g.
/// "no such file", "permission denied"), so callers choose how much of the path to show.
std::optional<std::string> readWholeFile(const std::filesystem::path& path, std::string& error);

/// The bytes of a file that holds a secret (a key, a password, a client secret), or nullopt with `error` set.
/// A file that group or others may access is refused: a secret readable by every local account is no secret.
/// The mode is checked on the descriptor that is read, so the file checked is the file read.
std::optional<std::string> readPrivateFile(const std::filesystem::path& path, std::string& error);

}  // namespace finsam::sdk::toolkit
