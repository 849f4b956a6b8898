// tests/core/app/indicators_command_test.cpp — `finsam-hub indicators` and `finsam-hub uppfoljning-finsam` on a
// generated register: the CLI answers what the report answers, the Uppföljning Finsam counts agree with a recount
// in SQL, and mistakes name the argument; on both backends.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "core/app/hub_runtime.h"
#include "core/common/clock.h"
#include "core/indicators/indicator_report.h"
#include "core/indicators/uppfoljning_finsam.h"
#include "core/store/row_text.h"
#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/leak_scan.h"
#include "tests/support/test_store.h"

namespace finsam::testing {
namespace {

class IndicatorsCommandTest : public ::testing::TestWithParam<TestBackend> {
protected:
    IndicatorsCommandTest() : store_(GetParam()) {
        files_ = writeHubConfig(dir_, store_);
        generated_ = generateForbund(dir_.file("generated"), 11, 240);
        copyDropSet(generated_, files_.dropDir);
        auto ingest = runHub({"ingest", "--config", files_.configFile, "--all"});
        EXPECT_EQ(ingest.exitCode, 0) << ingest.err;
    }

    CommandResult hub(const std::string& command, const std::vector<std::string>& options) {
        std::vector<std::string> args = {command, "--config", files_.configFile};
        args.insert(args.end(), options.begin(), options.end());
        return runHub(args);
    }

    TempDir dir_;
    TestStore store_;
    HubFiles files_;
    std::string generated_;
};

TEST_P(IndicatorsCommandTest, TheCommandAnswersWhatTheReportAnswersInCsvAndJson) {
    app::HubRuntime runtime(files_.configFile);
    indicators::ReportParameters parameters = indicators::parseReportParameters(
        {{"forbund", "forbund-sthlm"}, {"from", "2018-01-01"}, {"to", "2020-12-31"}, {"period", "half"},
         {"as_of", "2021-06-30"}});
    const auto rows = indicators::runReport(*runtime.database, runtime.config, parameters);
    std::set<std::string> names;
    int suppressed = 0;
    for (const auto& r : rows) {
        names.insert(r.indicator);
        suppressed += r.suppressed;
    }
    EXPECT_EQ(names.size(), 11u) << "every core indicator";
    EXPECT_GT(suppressed, 0);

    std::ostringstream csv, json;
    indicators::writeCsv(rows, csv);
    indicators::writeJson(rows, json);
    const std::vector<std::string> options = {"--forbund", "forbund-sthlm", "--from", "2018-01-01", "--to",
                                              "2020-12-31", "--period", "half", "--as-of", "2021-06-30"};
    auto fromCli = hub("indicators", options);
    ASSERT_EQ(fromCli.exitCode, 0) << fromCli.err;
    EXPECT_EQ(fromCli.out, csv.str());
    auto options2 = options;
    options2.insert(options2.end(), {"--format", "json"});
    auto jsonCli = hub("indicators", options2);
    ASSERT_EQ(jsonCli.exitCode, 0) << jsonCli.err;
    EXPECT_EQ(jsonCli.out, json.str());
    EXPECT_EQ(leakedNumbers(numbersInFolder(generated_), fromCli.out), std::vector<std::string>{});
}

TEST_P(IndicatorsCommandTest, UppfoljningFinsamCountsAgreeWithARecountInTheStore) {
    auto result = hub("uppfoljning-finsam", {"--forbund", "forbund-sthlm", "--year", "2019", "--as-of", "2021-06-30"});
    ASSERT_EQ(result.exitCode, 0) << result.err;

    app::HubRuntime runtime(files_.configFile);
    const auto rows = indicators::runUppfoljningFinsam(*runtime.database, runtime.config, "forbund-sthlm", 2019,
                                                       *common::parseIsoDate("2021-06-30"));
    std::ostringstream csv;
    indicators::writeUppfoljningFinsamCsv(rows, csv);
    EXPECT_EQ(result.out, csv.str());

    // Without links every identified participant is one person_key: count them and the anonymous rows in SQL.
    auto& sql = runtime.database->session();
    int individual = 0, withBudget = 0;
    for (const auto& r : rows) {
        SCOPED_TRACE(r.insatsId);
        withBudget += !r.budgetKr.empty();
        if (r.kalla != "deltaganden") {
            EXPECT_TRUE(r.inriktning == "strukturovergripande" || r.uppfoljningsmetod == "endast_antal");
            continue;
        }
        ++individual;
        long long persons = 0, anonymous = 0;
        const std::string active =
            " FROM deltagande WHERE state = 'active' AND duplicate_of IS NULL AND organisation = 'forbund-sthlm' "
            "AND insats_id = :i AND startdatum <= '2019-12-31' AND (slutdatum IS NULL OR slutdatum >= '2019-01-01') "
            "AND COALESCE(avslutsanledning, '') <> 'felregistrering'";
        sql << "SELECT COUNT(DISTINCT person_key)" + active + " AND person_key IS NOT NULL AND anonymous = 0",
            soci::into(persons), soci::use(r.insatsId);
        sql << "SELECT COUNT(*)" + active + " AND (person_key IS NULL OR anonymous <> 0)", soci::into(anonymous),
            soci::use(r.insatsId);
        EXPECT_EQ(r.totalt, persons + anonymous);
        EXPECT_EQ(r.anonyma, anonymous);
        EXPECT_EQ(*r.kvinnor + *r.man + *r.annatOkant, *r.totalt);
    }
    EXPECT_GT(individual, 1);
    EXPECT_GT(withBudget, 1) << "the generated register has budget years";
}

TEST_P(IndicatorsCommandTest, MistakesNameTheArgument) {
    const std::vector<std::tuple<std::string, std::vector<std::string>, std::string>> cases = {
        {"indicators", {"--from", "2019-01-01", "--to", "2019-12-31"}, "--forbund"},
        {"indicators", {"--forbund", "forbund-sthlm", "--to", "2019-12-31"}, "--from"},
        {"indicators", {"--forbund", "forbund-sthlm", "--from", "2019-02-30", "--to", "2019-12-31"}, "--from"},
        {"indicators", {"--forbund", "forbund-sthlm", "--from", "2019-01-01", "--to", "2019-12-31", "--period", "week"},
         "--period"},
        {"indicators", {"--forbund", "forbund-sthlm", "--from", "2019-01-01", "--to", "2019-12-31", "--format", "xml"},
         "--format"},
        {"indicators", {"--forbund", "forbund-sthlm", "--from", "2019-01-01", "--to", "2019-12-31", "--as-of", "x"},
         "--as-of"},
        {"uppfoljning-finsam", {"--year", "2019"}, "--forbund"},
        {"uppfoljning-finsam", {"--forbund", "forbund-sthlm", "--year", "19"}, "--year"},
        {"uppfoljning-finsam", {"--forbund", "forbund-sthlm", "--year", "2019", "--format", "xlsx"}, "--format"},
        {"uppfoljning-finsam", {"--forbund", "sthlm", "--year", "2019"}, "--forbund"},
    };
    for (const auto& [command, options, argument] : cases) {
        auto result = hub(command, options);
        EXPECT_NE(result.exitCode, 0) << command << " " << argument;
        EXPECT_NE(result.err.find(argument), std::string::npos) << command << ": " << result.err;
        EXPECT_EQ(result.out, "") << argument;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorsCommandTest, ::testing::ValuesIn(allBackends()),
                         [](const auto& info) { return backendName(info.param); });

}  // namespace
}  // namespace finsam::testing
