// connectors/forbund-csv/tests/drop_fixture.h — fixtures staged into a scratch drop folder, and
// one-call runs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>

#include "run_to_drain.h"

namespace finsam::connectors::forbund_csv::testing {

/// connectors/forbund-csv/fixtures in the source tree (read only: tests run on copies).
std::filesystem::path fixtureDir(const std::string& name);

/// Copies fixture `name` into `dir` and, when it has a KLAR, makes KLAR the newest file, as the
/// förbund writes it last (a checkout or a copy does not keep modification times).
void stageFixture(const std::string& name, const std::filesystem::path& dir);

/// {"drop_dir": "<dir>"}
std::string settingsFor(const std::filesystem::path& dir);

/// One scheduled run of a fresh ForbundCsvConnector over `dir` from `checkpoint`.
sdk::testkit::DrainOutcome runOnce(const std::filesystem::path& dir,
                                   const std::string& checkpoint = "",
                                   sdk::Logger* logger = nullptr);

}  // namespace finsam::connectors::forbund_csv::testing
