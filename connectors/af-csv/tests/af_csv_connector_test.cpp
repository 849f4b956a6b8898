// connectors/af-csv/tests/af_csv_connector_test.cpp — af-csv.md rule by rule, through the SDK as the host runs it.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <fstream>

#include "af_csv_test_support.h"
#include "snapshot_state.h"
#include "golden_file.h"
#include "identity_scan.h"
#include "temp_dir.h"

namespace finsam::connectors::af_csv::testing {
namespace {

using sdk::testkit::TempDir;

// Generated numbers (valid check digits, nobody's): the shared samples use them too.
constexpr const char* kA = "19740504-9334";
constexpr const char* kB = "20010218-1732";
constexpr const char* kC = "19781204-8416";

std::string fieldOf(const sdk::Record& record, const std::string& name) {
    for (const auto& field : record.fields) {
        if (field.name == name) {
            return field.value;
        }
    }
    return "";
}

TEST(AfCsv, TheSharedSamplesInDateOrderMatchTheGoldenOutput) {
    TempDir drop;
    sdk::testkit::copyFiles(fixtureDir("samples"), drop.path());
    auto outcome = runAf(drop.path());
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    EXPECT_EQ(outcome.batches, 4u) << "one file per batch, then drained";
    EXPECT_TRUE(sdk::testkit::matchesGolden(outcome.collected, (fixtureDir("samples.expected.json")).string()));
    EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(outcome.collected));
    // Reading again from the checkpoint changes nothing: every file was applied.
    auto again = runAf(drop.path(), outcome.checkpoint);
    EXPECT_EQ(again.collected.records.size() + again.collected.problems.size() + again.collected.rejections.size(),
              0u);
    EXPECT_EQ(again.checkpoint, outcome.checkpoint);
}

TEST(AfCsv, RowTypesMapToTheirEntitiesWithFormatSyntaxResolved) {
    TempDir drop;
    writeAfFile(drop.path(), "20200115",
                {ers("AF-1", "740504-9334", "AKS", "2019-01-01", "", "75,0"),
                 ins("AF-2", "20010218-1732", "FB-1", "2019-06-05", "2019-12-01", "1", "FK9443-2019-000002"),
                 ers("AF-3", "190305+9331", "UVE", "2019-02-01", "2019-03-01", "50")});
    auto outcome = runAf(drop.path());
    ASSERT_EQ(outcome.collected.records.size(), 3u);
    const auto& benefit = outcome.collected.records[0];
    EXPECT_EQ(benefit.entity, "ersattningsperiod");
    EXPECT_EQ(benefit.key, "AF-1");
    EXPECT_EQ(fieldOf(benefit, "personnummer"), "19740504-9334") << "century from the file date";
    EXPECT_EQ(fieldOf(benefit, "omfattning"), "75") << "decimal comma";
    EXPECT_EQ(fieldOf(benefit, "ersattningstyp"), "AKS") << "codes are mapped by config, not by the connector";
    EXPECT_EQ(fieldOf(benefit, "tom_datum"), "") << "empty tom = ongoing";
    const auto& participation = outcome.collected.records[1];
    EXPECT_EQ(participation.entity, "deltagande");
    EXPECT_EQ(fieldOf(participation, "insats_id"), "FB-1");
    EXPECT_EQ(fieldOf(participation, "avslutsanledning"), "1");
    EXPECT_EQ(fieldOf(participation, "sysselsattning_efter"), "ARBETE") << "status at the file date, after the end";
    EXPECT_EQ(fieldOf(participation, "samtycke_ref"), "FK9443-2019-000002");
    EXPECT_EQ(fieldOf(outcome.collected.records[2], "personnummer"), "19190305-9331") << "'+': aged 100 or more";
    for (const auto& record : outcome.collected.records) {
        EXPECT_EQ(record.raw.find("Lindstr"), std::string::npos) << "names never leave the connector in raw text";
        EXPECT_EQ(record.raw.find("sson"), std::string::npos);
    }
    // Only as the identity fields the hub encodes for probabilistic linkage and erases.
    EXPECT_EQ(fieldOf(benefit, "fornamn") + " " + fieldOf(benefit, "efternamn"), "Tomas Lindström");
}

TEST(AfCsv, BrokenRowsAreQuarantinedWithFileLineAndColumnAndTheRestApplied) {
    TempDir drop;
    writeAfFile(drop.path(), "20200115",
                {ers("AF-1", kA, "AKS", "2019-01-01", ""),
                 "AF-2;ERS;" + std::string(kB) + ";short row",
                 "AF-3;XYZ;" + std::string(kC) + ";A;B;M;K;;PROGRAM;AKS;2019-01-01;;100;;;;;",
                 "AF-4;ERS;" + std::string(kC) + ";A;B;M;K;N;PROGRAM;AKS;2019-01-01;;100;;;;;",
                 ers("AF-5", kC, "AKS", "2019-01-01", "", "37,5"), ers("AF-1", kC, "AKS", "2019-01-01", "")});
    auto outcome = runAf(drop.path());
    ASSERT_EQ(outcome.collected.records.size(), 1u);
    ASSERT_EQ(outcome.collected.problems.size(), 5u);
    const auto& problems = outcome.collected.problems;
    EXPECT_EQ(problems[0].code, "wrong_shape");
    EXPECT_EQ(problems[0].position.line, 3);
    EXPECT_EQ(problems[1].code, "unknown_code");
    EXPECT_EQ(problems[1].field, "Radtyp");
    EXPECT_EQ(problems[1].column, 2);
    EXPECT_EQ(problems[2].field, "Skyddad") << "a protected flag that cannot be read is never guessed";
    EXPECT_EQ(problems[3].code, "bad_number");
    EXPECT_EQ(problems[3].column, 13);
    EXPECT_EQ(problems[4].code, "duplicate_key");
    EXPECT_EQ(problems[4].position.line, 7);
    for (const auto& problem : problems) {
        EXPECT_EQ(problem.position.source, "af_finsam_2220001230_20200115.csv");
    }
    EXPECT_TRUE(sdk::testkit::messagesFreeOfIdentities(outcome.collected));
}

// One cell too many or too few moves every cell after it, so the header's positions no longer say where the
// name is: every cell a name or number may have moved to is blanked, and none of them is taken for the Rad_id.
// A repeated Rad_id on a row quarantined for its own fault keeps that row's line and reason: two such rows were
// both moved to line 0 and counted as one.
TEST(AfCsv, ARepeatedRadIdOnARowAlreadyQuarantinedKeepsItsOwnLineAndReason) {
    TempDir drop;
    writeAfFile(drop.path(), "20200115",
                {ers("AF-1", kA, "AKS", "2019-01-01", ""),
                 "AF-1;XYZ;" + std::string(kB) + ";A;B;M;K;;PROGRAM;AKS;2019-01-01;;100;;;;;",
                 "AF-1;QQQ;" + std::string(kC) + ";A;B;M;K;;PROGRAM;AKS;2019-01-01;;100;;;;;",
                 ers("AF-1", kC, "AKS", "2019-02-01", "")});
    const auto problems = runAf(drop.path()).collected.problems;
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].code, "unknown_code");
    EXPECT_EQ(problems[0].position.line, 3);
    EXPECT_EQ(problems[1].code, "unknown_code");
    EXPECT_EQ(problems[1].position.line, 4);
    EXPECT_EQ(problems[2].code, "duplicate_key");
    EXPECT_EQ(problems[2].position.line, 5);
}

TEST(AfCsv, ARowOfTheWrongShapeKeepsNoNameOrNumberWhereverTheyMoved) {
    auto problemsOf = [](const std::vector<std::string>& rows, const std::string& header) {
        TempDir drop;
        writeAfFile(drop.path(), "20200115", rows, header);
        return runAf(drop.path()).collected.problems;
    };
    auto shifted = problemsOf(
        {"AF-6;ERS;" + std::string(kC) + ";Anna;Karin;Lindqvist;M;K;J;PROGRAM;AKS;2019-01-01;;100;;;;;",  // one extra
         "AF-7;" + std::string(kB) + ";Greta;Svahn;M;K;N;PROGRAM;AKS;2019-01-01;;100;;;;;"},               // one short
        kHeader);
    // Rad_id after the names: in a shifted row its cell may hold one of them.
    auto idAfterNames = problemsOf(
        {"ERS;" + std::string(kA) + ";Tomas;Berg;Nils;AF-8;M;K;N;PROGRAM;AKS;2019-01-01;;100;;;;;"},
        "Radtyp;Personnummer;Fornamn;Efternamn;Rad_id;Kon;Kontor;Skyddad;Sokandestatus;Ersattning;Ersattning_from;"
        "Ersattning_tom;Omfattning;Insatskod;Insats_start;Insats_slut;Avslutskod;Samtycke_ref");
    ASSERT_EQ(shifted.size(), 2u);
    ASSERT_EQ(idAfterNames.size(), 1u);
    EXPECT_EQ(shifted[0].key, "AF-6");
    EXPECT_EQ(shifted[1].key, "AF-7");
    EXPECT_EQ(idAfterNames[0].key, "") << "the Rad_id cell holds a name";
    EXPECT_EQ(idAfterNames[0].raw, "ERS;;;;;AF-8;M;K;N;PROGRAM;AKS;2019-01-01;;100;;;;;")
        << "the cells no name can have reached are kept for whoever corrects the row";
    shifted.push_back(idAfterNames[0]);
    for (const auto& problem : shifted) {
        EXPECT_EQ(problem.code, "wrong_shape");
        for (const char* personal : {"Anna", "Karin", "Lindqvist", "Greta", "Svahn", "Tomas", "Berg", "Nils"}) {
            EXPECT_EQ(problem.raw.find(personal), std::string::npos) << personal << " in " << problem.raw;
        }
        for (const char* number : {kA, kB, kC}) {
            EXPECT_EQ(problem.raw.find(number), std::string::npos) << problem.raw;
        }
    }
}

TEST(AfCsv, AFileThatIsActuallyUtf8IsRefusedWhole) {
    for (const std::string& prefix : {std::string("\xEF\xBB\xBF"), std::string()}) {
        TempDir drop;
        // "Lindström" saved as UTF-8: Windows-1252 would read it as "LindstrÃ¶m".
        writeAfFile(drop.path(), "20200115",
                    {"AF-1;ERS;" + std::string(kA) + ";Tomas;Berg;M;K;;PROGRAM;AKS;2019-01-01;;100;;;;;",
                     "AF-2;ERS;" + std::string(kB) + ";Tomas;Lindstr\xC3\xB6m;M;K;;PROGRAM;AKS;2019-01-01;;100;;;;;"},
                    prefix + kHeader);
        auto outcome = runAf(drop.path());
        ASSERT_EQ(outcome.collected.rejections.size(), 1u);
        EXPECT_EQ(outcome.collected.rejections[0].code, "wrong_encoding");
        EXPECT_EQ(outcome.collected.rejections[0].rows, 2);
        EXPECT_TRUE(outcome.collected.records.empty());
    }
}

TEST(AfCsv, UtfEightLettersInAnOtherwiseWindows1252FileAlsoRefuseIt) {
    TempDir drop;
    writeAfFile(drop.path(), "20200115",
                {ers("AF-1", kA, "AKS", "2019-01-01", ""),
                 "AF-2;ERS;" + std::string(kB) + ";Tomas;Lindstr\xC3\xB6m;M;K;;PROGRAM;AKS;2019-01-01;;100;;;;;"});
    auto outcome = runAf(drop.path());
    ASSERT_EQ(outcome.collected.rejections.size(), 1u);
    EXPECT_EQ(outcome.collected.rejections[0].code, "wrong_encoding");
}

TEST(AfCsv, HeaderMappedByNameAMissingColumnRefusesTheFile) {
    TempDir drop;
    writeAfFile(drop.path(), "20200115",
                {"2019-01-01;AF-1;ERS;" + std::string(kA) + ";T;L;M;K;;PROGRAM;AKS;;;100;;;;;x"},
                "Ersattning_from;Rad_id;Radtyp;Personnummer;Fornamn;Efternamn;Kon;Kontor;Skyddad;Sokandestatus;"
                "Ersattning;Ersattning_tom;Ignored;Omfattning;Insatskod;Insats_start;Insats_slut;Avslutskod;"
                "Samtycke_ref");
    auto outcome = runAf(drop.path());
    ASSERT_EQ(outcome.collected.records.size(), 1u);
    EXPECT_EQ(fieldOf(outcome.collected.records[0], "from_datum"), "2019-01-01");
    ASSERT_EQ(outcome.collected.warnings.size(), 1u);
    EXPECT_NE(outcome.collected.warnings[0].find("Ignored"), std::string::npos);

    TempDir broken;
    writeAfFile(broken.path(), "20200115", {"AF-1;ERS"}, "Rad_id;Radtyp");
    auto refused = runAf(broken.path());
    ASSERT_EQ(refused.collected.rejections.size(), 1u);
    EXPECT_EQ(refused.collected.rejections[0].code, "bad_header");
    EXPECT_NE(refused.collected.rejections[0].message.find("Personnummer"), std::string::npos);
}

// The rows of a refused file still count, so the batch reconciles: old Mac exports end lines with CR alone.
TEST(AfCsv, AFileRefusedWholeCountsItsRowsWhateverEndsItsLines) {
    for (const std::string& end : {std::string("\r\n"), std::string("\n"), std::string("\r")}) {
        SCOPED_TRACE(end == "\r" ? "CR" : end == "\n" ? "LF" : "CRLF");
        TempDir drop;
        std::ofstream(drop.path() / "af_finsam_2220001230_20200115.csv", std::ios::binary)
            << "Rad_id;Radtyp" << end << "AF-1;ERS" << end << end << "AF-2;ERS" << end << ";;" << end;
        auto outcome = runAf(drop.path());
        ASSERT_EQ(outcome.collected.rejections.size(), 1u);
        EXPECT_EQ(outcome.collected.rejections[0].code, "bad_header");
        EXPECT_EQ(outcome.collected.rejections[0].rows, 2) << "blank lines and empty rows are not rows";
    }
}

TEST(AfCsv, WithdrawnRowsAreRetractedAgedOutRowsAreKept) {
    TempDir drop;
    writeAfFile(drop.path(), "20200101",
                {ers("AF-OLD", kA, "AKS", "2018-01-01", "2018-12-15"), ers("AF-OPEN", kA, "AKS", "2019-01-01", ""),
                 ins("AF-INS", kB, "FB-1", "2019-06-01"), ers("AF-RECENT", kC, "AKS", "2019-01-01", "2019-11-30"),
                 ers("AF-STAYS", kC, "UVE", "2019-01-01", "")});
    auto first = runAf(drop.path());
    ASSERT_EQ(first.collected.records.size(), 5u);
    // Next month AF-OLD is more than 13 months past its end (aged out); AF-INS and AF-RECENT were withdrawn.
    writeAfFile(drop.path(), "20200201",
                {ers("AF-OPEN", kA, "AKS", "2019-01-01", "2020-01-31"), ers("AF-STAYS", kC, "UVE", "2019-01-01", "")});
    auto second = runAf(drop.path(), first.checkpoint);
    ASSERT_EQ(second.result.status, sdk::Status::kOk);
    std::vector<std::pair<std::string, std::string>> retracted;
    for (const auto& record : second.collected.records) {
        if (record.operation == sdk::Operation::kRetract) {
            retracted.emplace_back(record.entity, record.key);
            EXPECT_EQ(record.position.line, 0) << "a withdrawal is not a row of the file";
        }
    }
    EXPECT_EQ(retracted, (std::vector<std::pair<std::string, std::string>>{{"deltagande", "AF-INS"},
                                                                          {"ersattningsperiod", "AF-RECENT"}}));
    EXPECT_TRUE(second.collected.rejections.empty()) << "2 of 4 expected rows withdrawn: not more than half";
}

TEST(AfCsv, ARowWithoutAReadableRadIdWithdrawsNothing) {
    TempDir drop;
    writeAfFile(drop.path(), "20200101",
                {ers("AF-1", kA, "AKS", "2019-01-01", ""), ers("AF-2", kB, "AKS", "2019-01-01", ""),
                 ers("AF-3", kC, "AKS", "2019-01-01", "")});
    auto first = runAf(drop.path());
    // AF-3 is missing, and one row has lost its Rad_id: it could be AF-3, so AF-3 is not withdrawn yet.
    writeAfFile(drop.path(), "20200102",
                {ers("AF-1", kA, "AKS", "2019-01-01", ""), ers("AF-2", kB, "AKS", "2019-01-01", ""),
                 ers("", kC, "AKS", "2019-01-01", "")});
    auto second = runAf(drop.path(), first.checkpoint);
    for (const auto& record : second.collected.records) {
        EXPECT_NE(record.operation, sdk::Operation::kRetract) << record.key;
    }
    ASSERT_EQ(second.collected.problems.size(), 1u);
    EXPECT_EQ(second.collected.problems[0].field, "Rad_id");
    // A short row whose Rad_id is still readable keeps that row present.
    writeAfFile(drop.path(), "20200103",
                {ers("AF-1", kA, "AKS", "2019-01-01", ""), ers("AF-2", kB, "AKS", "2019-01-01", ""),
                 "AF-3;ERS;" + std::string(kC) + ";cut short"});
    auto third = runAf(drop.path(), second.checkpoint);
    for (const auto& record : third.collected.records) {
        EXPECT_NE(record.operation, sdk::Operation::kRetract) << record.key;
    }
    // The next whole snapshot without AF-3 withdraws it.
    writeAfFile(drop.path(), "20200104",
                {ers("AF-1", kA, "AKS", "2019-01-01", ""), ers("AF-2", kB, "AKS", "2019-01-01", "")});
    auto fourth = runAf(drop.path(), third.checkpoint);
    ASSERT_EQ(fourth.collected.records.back().operation, sdk::Operation::kRetract);
    EXPECT_EQ(fourth.collected.records.back().key, "AF-3");
}

TEST(AfCsv, TheShrinkGuardHoldsASuspiciousSnapshotUntilAccepted) {
    TempDir drop;
    writeAfFile(drop.path(), "20200101",
                {ers("AF-1", kA, "AKS", "2019-01-01", ""), ers("AF-2", kA, "UVE", "2019-01-01", ""),
                 ers("AF-3", kB, "AKS", "2019-01-01", ""), ers("AF-4", kC, "AKS", "2019-01-01", "")});
    auto first = runAf(drop.path());
    writeAfFile(drop.path(), "20200102", {ers("AF-1", kA, "AKS", "2019-01-01", "")});
    auto held = runAf(drop.path(), first.checkpoint);
    ASSERT_EQ(held.collected.rejections.size(), 1u);
    EXPECT_EQ(held.collected.rejections[0].code, "shrink_guard");
    EXPECT_EQ(held.collected.rejections[0].rows, 1);
    EXPECT_TRUE(held.collected.records.empty()) << "nothing applied";
    // Polling again does not report it again; accepting it applies it with its three withdrawals.
    auto quiet = runAf(drop.path(), held.checkpoint);
    EXPECT_TRUE(quiet.collected.rejections.empty());
    auto accepted = runAf(drop.path(), quiet.checkpoint, ", \"accept_shrink\": true");
    ASSERT_TRUE(accepted.collected.rejections.empty());
    EXPECT_EQ(accepted.collected.records.size(), 1u + 3u);
}

// A held snapshot overtaken by a newer one can no longer be applied: accepting it refuses it as stale, and its
// rows, already counted as rejected when the guard held it, are not counted a second time.
// Each batch reconciles on its own: a held file's rows count when the guard holds it and again when it is decided.
TEST(AfCsv, AHeldSnapshotCountsItsRowsInEachBatchThatDecidesIt) {
    TempDir drop;
    const std::vector<std::string> four = {
        ers("AF-1", kA, "AKS", "2019-01-01", ""), ers("AF-2", kA, "UVE", "2019-01-01", ""),
        ers("AF-3", kB, "AKS", "2019-01-01", ""), ers("AF-4", kC, "AKS", "2019-01-01", "")};
    writeAfFile(drop.path(), "20200101", four);
    auto first = runAf(drop.path());
    writeAfFile(drop.path(), "20200102",
                {ers("AF-1", kA, "AKS", "2019-01-01", ""), ers("AF-5", kC, "AKS", "2019-01-01", "")});
    auto held = runAf(drop.path(), first.checkpoint);
    ASSERT_EQ(held.collected.rejections.size(), 1u);
    EXPECT_EQ(held.collected.rejections[0].code, "shrink_guard");
    EXPECT_EQ(held.collected.rejections[0].rows, 2);
    writeAfFile(drop.path(), "20200103", four);
    auto overtaken = runAf(drop.path(), held.checkpoint);
    EXPECT_TRUE(overtaken.collected.rejections.empty()) << "the held file is not reported again";
    EXPECT_EQ(overtaken.collected.records.size(), 4u);
    auto accepted = runAf(drop.path(), overtaken.checkpoint, ", \"accept_shrink\": true");
    ASSERT_EQ(accepted.collected.rejections.size(), 1u);
    EXPECT_EQ(accepted.collected.rejections[0].code, "stale_snapshot");
    EXPECT_EQ(accepted.collected.rejections[0].rows, 2) << "the rows this batch read and refused";
    EXPECT_TRUE(accepted.collected.records.empty());
    auto after = runAf(drop.path(), accepted.checkpoint, ", \"accept_shrink\": true");
    EXPECT_EQ(after.collected.rejections.size() + after.collected.records.size(), 0u) << "dealt with for good";
}

TEST(AfCsv, TheSameFileIsSkippedAnOlderOneIsRefusedTmpAndOtherForbundAreIgnored) {
    TempDir drop;
    writeAfFile(drop.path(), "20200102", {ers("AF-1", kA, "AKS", "2019-01-01", "")});
    std::ofstream(drop.path() / "af_finsam_2220001230_20200103.csv.tmp") << kHeader << "\r\nAF-9;half";
    std::ofstream(drop.path() / "af_finsam_9999999999_20200103.csv") << kHeader << "\r\n";
    auto first = runAf(drop.path());
    EXPECT_EQ(first.collected.records.size(), 1u);
    EXPECT_TRUE(first.collected.rejections.empty());
    writeAfFile(drop.path(), "20200101", {ers("AF-1", kA, "AKS", "2019-01-01", "")});
    auto second = runAf(drop.path(), first.checkpoint);
    ASSERT_EQ(second.collected.rejections.size(), 1u);
    EXPECT_EQ(second.collected.rejections[0].code, "stale_snapshot");
    EXPECT_TRUE(second.collected.records.empty());
    auto third = runAf(drop.path(), second.checkpoint);
    EXPECT_EQ(third.collected.rejections.size() + third.collected.records.size(), 0u);
}

TEST(AfCsv, FilesOlderThanAFullHistoryAreLeftAloneNotRefusedForever) {
    TempDir drop;
    // A checkpoint whose bounded list of applied files is full, the oldest remembered from 2021-01-01.
    SnapshotState state;
    state.date = "2023-03-11";
    for (std::size_t i = 0; i < SnapshotState::kAppliedKept; ++i) {
        char name[64];
        std::snprintf(name, sizeof name, "af_finsam_2220001230_2021%02zu%02zu.csv", 1 + i / 28 % 12, 1 + i % 28);
        state.markApplied({name, "00"});
    }
    writeAfFile(drop.path(), "20200101", {ers("AF-1", kA, "AKS", "2019-01-01", "")});
    auto outcome = runAf(drop.path(), state.toJson());
    EXPECT_EQ(outcome.result.status, sdk::Status::kOk);
    EXPECT_EQ(outcome.batches, 1u) << "drained at once";
    EXPECT_TRUE(outcome.collected.rejections.empty());
}

TEST(AfCsv, ACheckpointOfAnotherKindIsRefusedRatherThanGuessed) {
    TempDir drop;
    auto outcome = runAf(drop.path(), "{\"something\": 1}");
    EXPECT_EQ(outcome.result.status, sdk::Status::kInvalidConfig);
}

}  // namespace
}  // namespace finsam::connectors::af_csv::testing
