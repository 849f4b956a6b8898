// connectors/fk-fixed/tests/drop_fixture.cpp — staging fixtures the way Försäkringskassan delivers
// them.
// SPDX-License-Identifier: Apache-2.0
#include "drop_fixture.h"

#include <fstream>
#include <sstream>

#include "fk_fixed_connector.h"

namespace finsam::connectors::fk_fixed::testing {

namespace fs = std::filesystem;

fs::path fixtureDir(const std::string& name) {
    return fs::path(FINSAM_SOURCE_DIR) / "connectors/fk-fixed/fixtures" / name;
}

void stageFixture(const std::string& name, const fs::path& dir, const std::string& part) {
    const fs::path from = part.empty() ? fixtureDir(name) : fixtureDir(name) / part;
    for (const auto& entry : fs::recursive_directory_iterator(from)) {
        const auto relative = entry.path().lexically_relative(from);
        const auto fileName = entry.path().filename().string();
        if (entry.is_directory()) {
            // The parts of a multi-step fixture are staged one at a time.
            continue;
        }
        if (fileName == "expected.json" || fileName == "README.md" ||
            (part.empty() &&
             (relative.begin()->string() == "first" || relative.begin()->string() == "then"))) {
            continue;
        }
        fs::create_directories((dir / relative).parent_path());
        fs::copy_file(entry.path(), dir / relative, fs::copy_options::overwrite_existing);
    }
}

std::string settingsFor(const fs::path& dir) {
    return "{\"drop_dir\": \"" + dir.string() + "\", \"receiver_orgnr\": \"" + kReceiver + "\"}";
}

sdk::testkit::DrainOutcome runOnce(const fs::path& dir, const std::string& checkpoint,
                                   sdk::Logger* logger, std::size_t maxRecords) {
    FkFixedConnector connector;
    sdk::Context context{"fk-test", "fk", dir.parent_path().string(), logger};
    return sdk::testkit::runToDrain(connector, settingsFor(dir), checkpoint, context,
                                    {maxRecords, 10000});
}

void writeFile(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

std::string readSource(const std::string& relative) {
    std::ifstream in(fs::path(FINSAM_SOURCE_DIR) / relative, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace finsam::connectors::fk_fixed::testing
