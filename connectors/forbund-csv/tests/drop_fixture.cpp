// connectors/forbund-csv/tests/drop_fixture.cpp — staging fixtures the way the förbund delivers
// them.
// SPDX-License-Identifier: Apache-2.0
#include "drop_fixture.h"

#include "forbund_csv_connector.h"
#include "temp_dir.h"

namespace finsam::connectors::forbund_csv::testing {

std::filesystem::path fixtureDir(const std::string& name) {
    return std::filesystem::path(FINSAM_SOURCE_DIR) / "connectors/forbund-csv/fixtures" / name;
}

void stageFixture(const std::string& name, const std::filesystem::path& dir) {
    sdk::testkit::copyFiles(fixtureDir(name), dir);
    std::filesystem::remove(dir / "expected.json");
    if (std::filesystem::exists(dir / "KLAR")) {
        sdk::testkit::touchAfterSiblings(dir / "KLAR");
    }
}

std::string settingsFor(const std::filesystem::path& dir) {
    return "{\"drop_dir\": \"" + dir.string() + "\"}";
}

sdk::testkit::DrainOutcome runOnce(const std::filesystem::path& dir, const std::string& checkpoint,
                                   sdk::Logger* logger) {
    ForbundCsvConnector connector;
    sdk::Context context{"forbund-test", "forbund-test", dir.parent_path().string(), logger};
    return sdk::testkit::runToDrain(connector, settingsFor(dir), checkpoint, context);
}

}  // namespace finsam::connectors::forbund_csv::testing
