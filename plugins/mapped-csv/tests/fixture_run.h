// plugins/mapped-csv/tests/fixture_run.h — fixtures staged into a scratch config dir, and runs over
// them.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "collecting_sink.h"
#include "finsam/sdk/connector.h"
#include "run_to_drain.h"

namespace finsam::connectors::mapped_csv::testing {

/// plugins/mapped-csv/fixtures/<name> in the source tree (read only: tests run on copies).
std::filesystem::path fixtureDir(const std::string& name);

/// Every fixture folder name, sorted.
std::vector<std::string> fixtureNames();

/// A file of the source tree, e.g. "config/examples/mapped-csv.forbund-deltaganden.json".
std::string readSourceFile(const std::string& relative);

/// A fixture staged as an instance: `configDir`/drop holds a copy of fixture/drop, and settings
/// are fixture/settings.json (whose drop_dir is "drop", relative to `configDir`).
struct StagedFixture {
    std::filesystem::path configDir;
    std::string settings;

    std::filesystem::path dropDir() const { return configDir / "drop"; }
    sdk::Context context(sdk::Logger* logger = nullptr) const;
};

StagedFixture stageFixture(const std::string& name, const std::filesystem::path& configDir);

/// What the host does in one scheduled run: open from `checkpoint`, read until drained.
sdk::testkit::DrainOutcome runOnce(const StagedFixture& fixture, const std::string& checkpoint = "",
                                   std::size_t maxRecords = 500, sdk::Logger* logger = nullptr);

/// One batch from a fresh connector opened at `checkpoint`, as after a crash and a restart.
struct OneBatch {
    sdk::testkit::Collected collected;
    sdk::BatchOutcome outcome;
};
OneBatch readOneBatch(const StagedFixture& fixture, const std::string& checkpoint,
                      std::size_t maxRecords);

}  // namespace finsam::connectors::mapped_csv::testing
