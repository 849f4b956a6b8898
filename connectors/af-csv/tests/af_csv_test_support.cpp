// connectors/af-csv/tests/af_csv_test_support.cpp — see af_csv_test_support.h.
// SPDX-License-Identifier: Apache-2.0
#include "af_csv_test_support.h"

#include <fstream>

#include "af_csv_connector.h"

namespace finsam::connectors::af_csv::testing {

std::filesystem::path fixtureDir(const std::string& name) {
    return std::filesystem::path(FINSAM_SOURCE_DIR) / "connectors/af-csv/fixtures" / name;
}

void writeAfFile(const std::filesystem::path& dir, const std::string& date, const std::vector<std::string>& rows,
                 const std::string& header) {
    std::ofstream out(dir / ("af_finsam_" + std::string(kOrgnr) + "_" + date + ".csv"), std::ios::binary);
    out << header << "\r\n";
    for (const auto& row : rows) {
        out << row << "\r\n";
    }
}

std::string ers(const std::string& id, const std::string& number, const std::string& type, const std::string& from,
                const std::string& tom, const std::string& omfattning) {
    return id + ";ERS;" + number + ";Tomas;Lindstr\xF6m;M;0180-KISTA;;PROGRAM;" + type + ";" + from + ";" + tom +
           ";" + omfattning + ";;;;;";
}

std::string ins(const std::string& id, const std::string& number, const std::string& insats, const std::string& start,
                const std::string& slut, const std::string& avslut, const std::string& ref) {
    return id + ";INS;" + number + ";Agnes;\xC5kesson;K;0180-CITY;;ARBETE;;;;;" + insats + ";" + start + ";" + slut +
           ";" + avslut + ";" + ref;
}

sdk::testkit::DrainOutcome runAf(const std::filesystem::path& dir, const std::string& checkpoint,
                                 const std::string& extraSettings) {
    AfCsvConnector connector;
    sdk::Context context{"af-test", "af", dir.parent_path().string(), nullptr};
    const std::string settings = "{\"drop_dir\": \"" + dir.string() + "\", \"forbund_orgnr\": \"" + kOrgnr + "\"" +
                                 extraSettings + "}";
    return sdk::testkit::runToDrain(connector, settings, checkpoint, context);
}

}  // namespace finsam::connectors::af_csv::testing
