// tests/core/app/operations_cli_test.cpp — the ingest progress line, and JSON log lines with fields,
// per-component levels and redaction.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>

#include "core/app/json_log_formatter.h"
#include "core/app/progress_line.h"
#include "core/common/log_fields.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

TEST(ProgressLineTest, ShowsRowsRateBatchesAndAnEtaWhenTheWorkIsKnown) {
    EXPECT_EQ(app::ProgressLine::render("af", 500, 2000, 10, 5, true),
              "af [######..................]  25% 500 rows, 50 rows/s, 5 batches, 0:10 elapsed, ETA 0:30");
    EXPECT_EQ(app::ProgressLine::render("fk", 7200, 0, 3600, 8, true),
              "fk 7200 rows, 2 rows/s, 8 batches, 1:00:00 elapsed") << "no estimate: no bar, no ETA";
    EXPECT_EQ(app::ProgressLine::render("af", 2500, 2000, 10, 5, true),
              "af [########################] 100% 2500 rows, 250 rows/s, 5 batches, 0:10 elapsed")
        << "more rows than estimated: full, no ETA";
}

TEST(ProgressLineTest, EstimatesTheRowsFromTheDropFoldersLines) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("drop/sub"));
    std::ofstream(dir.file("drop/a.csv")) << "h\nr1\nr2\n";
    std::ofstream(dir.file("drop/sub/b.txt")) << "x\ny";
    std::ofstream(dir.file("drop/.hidden")) << "1\n2\n3\n";
    EXPECT_EQ(app::countLinesIn(dir.file("drop")), 4);
    EXPECT_EQ(app::countLinesIn(dir.file("missing")), 0);
}

// Collects what the formatter makes of each message.
class CapturingChannel : public Poco::Channel {
public:
    void log(const Poco::Message& message) override { lines.push_back(message.getText()); }
    std::vector<std::string> lines;
};

TEST(JsonLogTest, FieldsLevelsPerComponentAndRedaction) {
    app::setupLogging("information", {{"scheduler", "debug"}, {"http", "warning"}});
    Poco::AutoPtr<CapturingChannel> capture(new CapturingChannel);
    Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(new app::JsonLogFormatter, capture));
    Poco::Logger::setChannel("", channel);

    Poco::Logger::get("scheduler").debug("shown: scheduler is at debug");
    Poco::Logger::get("ingest").debug("hidden: ingest is at information");
    Poco::Logger::get("http").notice("hidden: http is at warning");
    Poco::Logger::get("http").warning("shown, with Authorization: Bearer abcdef0123");
    common::logWithFields(Poco::Logger::get("scheduler"), Poco::Message::PRIO_INFORMATION, "run finished",
                          {{"connector", "af"}, {"read", "12"}, {"error", "row of 19900101-1239 and secret=x"}});
    Poco::Logger::get("connector.fk").information("fk-fixed: batch 3 applied");
    app::setupLogging("information");  // the console again, for the tests after this one

    ASSERT_EQ(capture->lines.size(), 4u);
    rapidjson::Document first, second, third, fourth;
    first.Parse(capture->lines[0].c_str());
    second.Parse(capture->lines[1].c_str());
    third.Parse(capture->lines[2].c_str());
    fourth.Parse(capture->lines[3].c_str());
    EXPECT_STREQ(first["component"].GetString(), "scheduler");
    EXPECT_STREQ(first["level"].GetString(), "debug");
    EXPECT_TRUE(first["time"].IsString());
    EXPECT_STREQ(second["component"].GetString(), "http");
    EXPECT_EQ(std::string(second["message"].GetString()).find("abcdef0123"), std::string::npos) << capture->lines[1];
    EXPECT_STREQ(third["message"].GetString(), "run finished");
    EXPECT_STREQ(third["connector"].GetString(), "af") << "a connector field is also the line's connector";
    EXPECT_STREQ(third["fields"]["read"].GetString(), "12");
    EXPECT_STREQ(third["fields"]["error"].GetString(), "row of [pnr] and secret=[secret]");
    EXPECT_STREQ(fourth["component"].GetString(), "connector");
    EXPECT_STREQ(fourth["connector"].GetString(), "fk");
}

}  // namespace
}  // namespace finsam::testing
