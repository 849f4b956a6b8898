// tests/connectors/fk_fixed_kit_test.cpp — fk-fixed through the connector test kit: the shared samples
// (batches 1-6: new, amended and cancelled periods, a protected person), then the row-faults fixture as
// batch 7 (bad rows quarantined, the rest applied) and the count-mismatch fixture as batch 8 (refused whole).
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/common/json.h"
#include "temp_dir.h"
#include "tests/support/connector_kit.h"

namespace finsam::testing {
namespace {

const std::string kFixtures = std::string(FINSAM_SOURCE_DIR) + "/connectors/fk-fixed/fixtures/";

// Copies a one-batch fixture under batch number `batch` (header positions 26-33 and the file name).
void stageAsBatch(const std::string& fixture, int batch, const std::string& drop) {
    std::ifstream in(kFixtures + fixture + "/fk_ers_2220001230_00000001.txt", std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    char number[9];
    std::snprintf(number, sizeof number, "%08d", batch);
    text.replace(25, 8, number);
    std::ofstream(drop + "/fk_ers_2220001230_" + number + ".txt", std::ios::binary) << text;
}

ConnectorKitCase fkFixed() {
    ConnectorKitCase kit;
    kit.name = "fk_fixed";
    kit.instance = {"fk", "fk-fixed", "fk", std::string(FINSAM_SOURCE_DIR) + "/config/mappings/fk-fixed.json",
                    [](const std::string& drop) {
                        return "{\"drop_dir\":" + common::jsonQuote(drop) + ",\"receiver_orgnr\":\"2220001230\"}";
                    }};
    kit.exampleSettings = std::string(FINSAM_SOURCE_DIR) + "/config/examples/fk-fixed.settings.json";
    kit.brokenSettings = "{\"drop_dir\":\"/no/such/fk/drop\",\"receiver_orgnr\":\"2220001230\"}";
    kit.brokenPointer = "/drop_dir";
    kit.stage = [](const std::string& drop) {
        sdk::testkit::copyFiles(kFixtures + "samples", drop);
        std::filesystem::remove(std::filesystem::path(drop) / "expected.json");
        stageAsBatch("row-faults", 7, drop);
        stageAsBatch("count-mismatch", 8, drop);
    };
    // From the fixtures' goldens: the samples leave 9 periods (15 records: new, amended, cancelled), row-faults
    // adds 2 and quarantines 9 rows; count-mismatch refuses its 2 rows.
    kit.expected.active = {{"ersattningsperiod", 11}};
    kit.expected.quarantined = 9;
    kit.expected.rejectedRows = 2;
    kit.batchSize = 2;
    return kit;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(FkFixed, ConnectorKit,
                         ::testing::Combine(::testing::Values(fkFixed()), ::testing::ValuesIn(allBackends())),
                         connectorKitName);

}  // namespace finsam::testing
