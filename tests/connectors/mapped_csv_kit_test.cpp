// tests/connectors/mapped_csv_kit_test.cpp — mapped-csv through the connector test kit, with two of its own
// fixtures: an 8-bit append delivery read in several batches (with a withdrawal), and the förbund's
// deltaganden.csv read as a snapshot by config alone.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include "core/common/json.h"
#include "temp_dir.h"
#include "tests/support/connector_kit.h"

namespace finsam::testing {
namespace {

const std::string kFixtures = std::string(FINSAM_SOURCE_DIR) + "/plugins/mapped-csv/fixtures/";

// The fixture's own settings, pointed at the kit's drop folder.
std::function<std::string(const std::string&)> settingsOf(const std::string& fixture) {
    return [fixture](const std::string& drop) {
        rapidjson::Document settings = common::readJsonFile(kFixtures + fixture + "/settings.json");
        settings["drop_dir"].SetString(drop.c_str(), static_cast<rapidjson::SizeType>(drop.size()),
                                       settings.GetAllocator());
        return common::toJson(settings);
    };
}

ConnectorKitCase mappedCase(const std::string& name, const std::string& fixture, const std::string& example) {
    ConnectorKitCase kit;
    kit.name = name;
    kit.instance = {"mapped", "mapped-csv", "kommun-0180", "", settingsOf(fixture)};
    kit.exampleSettings = std::string(FINSAM_SOURCE_DIR) + "/config/examples/" + example;
    rapidjson::Document broken = common::readJsonFile(kFixtures + fixture + "/settings.json");
    broken["entity"].SetString("no_such_entity");
    kit.brokenSettings = common::toJson(broken);
    kit.brokenPointer = "/entity";
    kit.stage = [fixture](const std::string& drop) { sdk::testkit::copyFiles(kFixtures + fixture + "/drop", drop); };
    return kit;
}

ConnectorKitCase windows1252Append() {
    auto kit = mappedCase("mapped_csv_append", "ersattning-windows-1252",
                          "mapped-csv.ersattningsperioder-windows-1252.json");
    // Its expected.json: seven rows over two daily files (a *.tmp is not read); one is withdrawn again and
    // the other updates leave three periods.
    kit.expected.active = {{"ersattningsperiod", 3}};
    return kit;
}

ConnectorKitCase forbundDeltaganden() {
    auto kit = mappedCase("mapped_csv_snapshot", "forbund-deltaganden", "mapped-csv.forbund-deltaganden.json");
    kit.instance.organisation = "forbund-sthlm";
    // The shared sample's twelve participations, as connectors/forbund-csv reads them.
    kit.expected.active = {{"deltagande", 12}};
    return kit;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(MappedCsv, ConnectorKit,
                         ::testing::Combine(::testing::Values(windows1252Append(), forbundDeltaganden()),
                                            ::testing::ValuesIn(allBackends())),
                         connectorKitName);

}  // namespace finsam::testing
