// tests/connectors/af_csv_kit_test.cpp — af-csv through the connector test kit: the shared samples (three
// daily snapshots: updates, ageing out, a withdrawal) and a fourth snapshot with broken rows.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <fstream>

#include "core/common/json.h"
#include "temp_dir.h"
#include "tests/support/connector_kit.h"

namespace finsam::testing {
namespace {

// Broken rows, each as af-csv.md says: quarantined with file, line and column; the rest is applied.
void writeBrokenSnapshot(const std::string& dir) {
    std::ifstream last(std::string(FINSAM_SOURCE_DIR) +
                           "/connectors/af-csv/fixtures/samples/af_finsam_2220001230_20200116.csv",
                       std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(last)), std::istreambuf_iterator<char>());
    text += "AF-900000001;XYZ;19740504-9334;T;L;M;K;;PROGRAM;AKS;2019-01-01;;100;;;;;\r\n";   // row type
    text += "AF-900000002;ERS;19740504-9335;T;L;M;K;;PROGRAM;AKS;2019-01-01;;100;;;;;\r\n";   // Luhn
    text += "AF-900000003;ERS;19740504-9334;T;L;M;K;;PROGRAM;ZZZ;2019-01-01;;100;;;;;\r\n";   // code
    text += "AF-900000004;ERS;19740504-9334;T;L;M;K;;PROGRAM;AKS;2019-02-30;;100;;;;;\r\n";   // date
    text += "AF-900000005;ERS;19740504-9334;T;L\r\n";                                         // shape
    std::ofstream(dir + "/af_finsam_2220001230_20200117.csv", std::ios::binary) << text;
    // A file saved as UTF-8 (BOM, "ö" as two bytes) is refused whole: its two rows are rejected, not applied.
    std::ofstream(dir + "/af_finsam_2220001230_20200118.csv", std::ios::binary)
        << "\xEF\xBB\xBF" << text.substr(0, text.find("\r\n") + 2)
        << "AF-900000006;ERS;19740504-9334;Tomas;Lindstr\xC3\xB6m;M;K;;PROGRAM;AKS;2019-01-01;;100;;;;;\r\n"
        << "AF-900000007;ERS;19740504-9334;Tomas;Berg;M;K;;PROGRAM;AKS;2019-01-01;;100;;;;;\r\n";
}

ConnectorKitCase afCsv() {
    ConnectorKitCase kit;
    kit.name = "af_csv";
    kit.instance = {"af", "af-csv", "af", std::string(FINSAM_SOURCE_DIR) + "/config/mappings/af-csv.json",
                    [](const std::string& drop) {
                        return "{\"drop_dir\":" + common::jsonQuote(drop) + ",\"forbund_orgnr\":\"2220001230\"}";
                    }};
    kit.exampleSettings = std::string(FINSAM_SOURCE_DIR) + "/config/examples/af-csv.settings.json";
    kit.brokenSettings = "{\"drop_dir\":\"/no/such/af/drop\",\"forbund_orgnr\":\"2220001230\"}";
    kit.brokenPointer = "/drop_dir";
    kit.stage = [](const std::string& drop) {
        sdk::testkit::copyFiles(std::string(FINSAM_SOURCE_DIR) + "/connectors/af-csv/fixtures/samples", drop);
        writeBrokenSnapshot(drop);
    };
    // Benefit periods: AF-311316299, -302 and -311 of the last snapshot plus -287 and -292, which aged out of it
    // and stay; -318 was withdrawn (retracted); -317320 carries an invalid number (quarantined in both of the
    // last two files). Participations: -300; -308 and -309 cite signed forms whose consents this hub has not
    // read (no förbund register here), so they are held (core/README.md). See fixtures/samples.expected.json.
    kit.expected.active = {{"ersattningsperiod", 5}, {"deltagande", 1}};
    kit.expected.quarantined = 1 + 1 + 5;
    kit.expected.rejectedRows = 2;
    return kit;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(AfCsv, ConnectorKit, ::testing::Combine(::testing::Values(afCsv()),
                                                                 ::testing::ValuesIn(allBackends())),
                         connectorKitName);

}  // namespace finsam::testing
