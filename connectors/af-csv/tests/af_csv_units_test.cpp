// connectors/af-csv/tests/af_csv_units_test.cpp — century resolution, the ageing window, file names, settings.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "af_csv_connector.h"
#include "af_file_name.h"
#include "legacy_personnummer.h"
#include "settings_schema.h"
#include "snapshot_diff.h"
#include "snapshot_state.h"
#include "temp_dir.h"

namespace finsam::connectors::af_csv {
namespace {

TEST(LegacyPersonnummer, CenturyIsResolvedAgainstTheFileDate) {
    EXPECT_EQ(withCentury("740504-9334", "2018-12-31"), "19740504-9334");
    EXPECT_EQ(withCentury("190305-9331", "2018-12-31"), "19190305-9331") << "after the file date: last century";
    EXPECT_EQ(withCentury("190305-9331", "2020-01-15"), "20190305-9331");
    EXPECT_EQ(withCentury("181231-9331", "2018-12-31"), "20181231-9331") << "born on the file date";
    EXPECT_EQ(withCentury("190305+9331", "2020-01-15"), "19190305-9331") << "'+': aged 100 or more";
    EXPECT_EQ(withCentury("740564-9334", "2018-12-31"), "19740564-9334") << "samordningsnummer: day + 60";
    EXPECT_EQ(withCentury("19740504-9334", "2018-12-31"), "19740504-9334") << "12 digits unchanged";
    EXPECT_EQ(withCentury("7405049334", "2018-12-31"), "7405049334") << "not AF's shape: the hub judges it";
    EXPECT_EQ(withCentury("", "2018-12-31"), "");
}

TEST(SnapshotDiff, TheWindowIsThirteenCalendarMonths) {
    EXPECT_EQ(windowStart("2020-01-16", 13), "2018-12-16");
    EXPECT_EQ(windowStart("2020-03-31", 1), "2020-02-29");
    const std::map<std::string, RowState> previous = {
        {"old", {'E', "2018-12-15"}}, {"edge", {'E', "2018-12-16"}}, {"open", {'I', ""}}, {"kept", {'E', ""}}};
    auto diff = diffSnapshots(previous, {{"kept", {'E', ""}}}, "2020-01-16", 13);
    EXPECT_EQ(diff.agedOut, 1u);
    ASSERT_EQ(diff.withdrawn.size(), 2u);
    EXPECT_EQ(diff.withdrawn[0].id, "edge") << "ended exactly 13 months before: still in the window";
    EXPECT_EQ(diff.expected, 3u);
    EXPECT_TRUE(diff.suspicious()) << "2 of 3 withdrawn";
}

TEST(AfFileName, OnlyCompleteFilesOfTheRightShape) {
    auto parsed = parseAfFileName("af_finsam_2220001230_20200115.csv");
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->orgnr, "2220001230");
    EXPECT_EQ(parsed->date, "2020-01-15");
    EXPECT_FALSE(parseAfFileName("af_finsam_2220001230_20200115.csv.tmp"));
    EXPECT_FALSE(parseAfFileName("af_finsam_2220001230_20200231.csv"));
    EXPECT_FALSE(parseAfFileName("af_finsam_222000123_20200115.csv"));
}

TEST(SnapshotState, RoundTripsAndKeepsABoundedHistory) {
    SnapshotState state;
    state.date = "2020-01-15";
    state.rows["AF-1"] = {'E', "2019-05-02"};
    state.rows["AF-2"] = {'I', ""};
    state.held = FileRef{"b.csv", "ff"};
    for (std::size_t i = 0; i < SnapshotState::kAppliedKept + 5; ++i) {
        state.markApplied({"f" + std::to_string(i), "aa"});
    }
    auto parsed = SnapshotState::parse(state.toJson());
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->toJson(), state.toJson());
    EXPECT_EQ(parsed->applied.size(), SnapshotState::kAppliedKept);
    EXPECT_EQ(parsed->rows.at("AF-1").end, "2019-05-02");
    EXPECT_FALSE(SnapshotState::parse("{}").has_value());
    EXPECT_TRUE(SnapshotState::parse("").has_value());
}

TEST(AfCsvSettings, SchemaAcceptsTheExampleAndCheckNamesWhatIsWrong) {
    AfCsvConnector connector;
    sdk::testkit::TempDir dir;
    std::ifstream example(std::string(FINSAM_SOURCE_DIR) + "/config/examples/af-csv.settings.json");
    const std::string exampleText((std::istreambuf_iterator<char>(example)), std::istreambuf_iterator<char>());
    EXPECT_EQ(sdk::testkit::validateSettings(connector.configSchema(), exampleText), std::vector<std::string>{});
    EXPECT_EQ(sdk::testkit::lintSettingsSchema(connector.configSchema()), std::vector<std::string>{});
    sdk::Context context{"af", "af", dir.path().string(), nullptr};
    auto problems = connector.check("{\"drop_dir\": \"nowhere\", \"forbund_orgnr\": \"2220001230\"}", context);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("/drop_dir"), std::string::npos);
    problems = connector.check("{\"drop_dir\": \".\", \"forbund_orgnr\": \"12\"}", context);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("/forbund_orgnr"), std::string::npos);
}

}  // namespace
}  // namespace finsam::connectors::af_csv
