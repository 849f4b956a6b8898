// connectors/fk-fixed/src/fk_fixed_settings.h — the instance `settings` object as a typed struct.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace finsam::connectors::fk_fixed {

struct Settings {
    std::filesystem::path dropDir;  ///< resolved: a relative drop_dir is taken from the config dir
    std::string receiverOrgnr;      ///< ten digits; the only receiver whose files are applied
    std::int64_t startAfterBatch = 0;  ///< baseline for gap detection while the checkpoint is empty
};

/// Reads `settingsJson` (already schema-checked by the host, but checked again: open() may be
/// called directly). Problems are "/json/pointer: reason"; nullopt when there is any.
std::optional<Settings> parseSettings(const std::string& settingsJson, const std::string& configDir,
                                      std::vector<std::string>& problems);

/// What the schema cannot say: the drop folder exists and is a directory, and the receiver's
/// organisationsnummer has a valid check digit (a typo would refuse every file).
std::vector<std::string> checkSettings(const std::string& settingsJson,
                                       const std::string& configDir);

/// True when the last digit of a ten-digit organisationsnummer is its Luhn check digit.
bool hasValidCheckDigit(const std::string& orgnr);

}  // namespace finsam::connectors::fk_fixed
