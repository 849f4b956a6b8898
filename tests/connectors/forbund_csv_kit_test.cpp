// tests/connectors/forbund_csv_kit_test.cpp — the förbund register connector through the connector test kit,
// with the shared sample set (connectors/forbund-csv/fixtures/good-set). Its broken inputs are covered rule
// by rule in connectors/forbund-csv/tests and tests/integration/forbund_register_test.cpp.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "core/common/json.h"
#include "tests/support/connector_kit.h"

namespace finsam::testing {
namespace {

ConnectorKitCase forbundCsv() {
    ConnectorKitCase kit;
    kit.name = "forbund_csv";
    kit.instance = {"forbund", "forbund-csv", "forbund-sthlm",
                    std::string(FINSAM_SOURCE_DIR) + "/config/mappings/forbund-csv.json",
                    [](const std::string& drop) { return "{\"drop_dir\":" + common::jsonQuote(drop) + "}"; }};
    kit.exampleSettings = std::string(FINSAM_SOURCE_DIR) + "/config/examples/forbund-csv.settings.json";
    kit.brokenSettings = "{\"drop_dir\":\"/no/such/forbund/drop\",\"marker\":\"KLAR\"}";
    kit.brokenPointer = "/drop_dir";
    kit.stage = [](const std::string& drop) {
        copyDropSet(std::string(FINSAM_SOURCE_DIR) + "/connectors/forbund-csv/fixtures/good-set", drop);
        std::filesystem::remove(std::filesystem::path(drop) / "expected.json");
    };
    // The sample's rows (fixtures/good-set/expected.json): 8 insatser over 16 budget years, 12 deltaganden,
    // 6 samtycken; nothing quarantined. A set is one all-or-nothing batch, so there is no crash point inside it.
    kit.expected.active = {{"insats", 8}, {"insats_budget", 16}, {"deltagande", 12}, {"samtycke", 6}};
    return kit;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(ForbundCsv, ConnectorKit,
                         ::testing::Combine(::testing::Values(forbundCsv()), ::testing::ValuesIn(allBackends())),
                         connectorKitName);

}  // namespace finsam::testing
