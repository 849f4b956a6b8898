// plugins/mapped-csv/tests/fixture_run.cpp — a fixture is a drop folder plus the settings that read
// it.
// SPDX-License-Identifier: Apache-2.0
#include "fixture_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "mapped_csv_connector.h"
#include "temp_dir.h"

namespace finsam::connectors::mapped_csv::testing {

namespace fs = std::filesystem;

fs::path fixtureDir(const std::string& name) {
    return fs::path(FINSAM_SOURCE_DIR) / "plugins/mapped-csv/fixtures" / name;
}

std::vector<std::string> fixtureNames() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(fixtureDir(""))) {
        if (entry.is_directory()) {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string readSourceFile(const std::string& relative) {
    std::ifstream in(fs::path(FINSAM_SOURCE_DIR) / relative, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

sdk::Context StagedFixture::context(sdk::Logger* logger) const {
    return sdk::Context{"mapped-test", "forbund-test", configDir.string(), logger};
}

StagedFixture stageFixture(const std::string& name, const fs::path& configDir) {
    StagedFixture fixture{configDir,
                          readSourceFile("plugins/mapped-csv/fixtures/" + name + "/settings.json")};
    fs::create_directories(fixture.dropDir());
    sdk::testkit::copyFiles(fixtureDir(name) / "drop", fixture.dropDir());
    return fixture;
}

sdk::testkit::DrainOutcome runOnce(const StagedFixture& fixture, const std::string& checkpoint,
                                   std::size_t maxRecords, sdk::Logger* logger) {
    MappedCsvConnector connector;
    return sdk::testkit::runToDrain(connector, fixture.settings, checkpoint,
                                    fixture.context(logger), {maxRecords, 1000});
}

OneBatch readOneBatch(const StagedFixture& fixture, const std::string& checkpoint,
                      std::size_t maxRecords) {
    MappedCsvConnector connector;
    sdk::Result error;
    auto run = connector.open(fixture.settings, checkpoint, fixture.context(), error);
    OneBatch batch;
    if (!run) {
        ADD_FAILURE() << "open failed: " << error.message;
        batch.outcome.result = error;
        return batch;
    }
    sdk::testkit::CollectingSink sink;
    batch.outcome = run->readBatch(maxRecords, sink);
    batch.collected = sink.take();
    return batch;
}

}  // namespace finsam::connectors::mapped_csv::testing
