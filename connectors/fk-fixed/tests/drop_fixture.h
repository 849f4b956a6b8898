// connectors/fk-fixed/tests/drop_fixture.h — fixtures staged into a scratch drop folder, and
// one-call runs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>

#include "run_to_drain.h"

namespace finsam::connectors::fk_fixed::testing {

/// The förbund of every fixture (a generated organisationsnummer with a valid check digit).
inline constexpr const char* kReceiver = "2220001230";

/// connectors/fk-fixed/fixtures in the source tree (read only: tests run on copies).
std::filesystem::path fixtureDir(const std::string& name);

/// Copies fixture `name` (subfolders included, expected.json and README.md left out) into `dir`.
/// `part` picks a subfolder of the fixture instead (multi-step cases: first/, then/).
void stageFixture(const std::string& name, const std::filesystem::path& dir,
                  const std::string& part = "");

/// {"drop_dir": "<dir>", "receiver_orgnr": kReceiver}
std::string settingsFor(const std::filesystem::path& dir);

/// One scheduled run of a fresh FkFixedConnector over `dir` from `checkpoint`.
sdk::testkit::DrainOutcome runOnce(const std::filesystem::path& dir,
                                   const std::string& checkpoint = "",
                                   sdk::Logger* logger = nullptr, std::size_t maxRecords = 500);

/// Writes `text` to `path` (creating folders) as bytes.
void writeFile(const std::filesystem::path& path, const std::string& text);

/// The bytes of a source-tree file (`relative` to the project root).
std::string readSource(const std::string& relative);

}  // namespace finsam::connectors::fk_fixed::testing
