// connectors/forbund-csv/tests/parser_test.cpp — forbund_csv_parser on in-memory sheets: the spec's
// rules one by one.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "collecting_sink.h"
#include "forbund_csv_parser.h"
#include "identity_scan.h"

namespace finsam::connectors::forbund_csv {
namespace {

using sdk::testkit::Collected;
using sdk::testkit::CollectingSink;

const std::string kIns =
    "Insats-ID,Namn,Inriktning,Uppföljningsmetod,Startdatum,Slutdatum,Huvudman,Målgrupper,"
    "Budgetår,Budget (kr),Planerat antal deltagare,ESF,Antal kvinnor,Antal män\r\n";
const std::string kDel =
    "Deltagande-ID,Insats-ID,Personnummer,Anonym,Kön,Födelseår,Startdatum,Slutdatum,"
    "Remitterande aktör,Utbildningsnivå,Försörjning före,Tid i offentlig försörjning,"
    "Sysselsättning före,Avslutsanledning,Försörjning efter,Sysselsättning efter,Samtycke-ID\r\n";
const std::string kSam =
    "Samtycke-ID,Personnummer,Gäller,Parter,Kategorier,Ändamål,Giltigt från,Giltigt till,"
    "Återkallat,Blankett\r\n";
const std::string kInsRow =
    "I-1,Namn,Individinriktad,Individ,2018-01-01,2019-12-31,Kommun,Annan;Nyanlända,2018,"
    "\"1 000,50\",4,Nej,,\r\n";

SheetFiles files(const std::string& insatser, const std::string& deltaganden,
                 const std::string& samtycken) {
    SheetFiles set;
    const std::string texts[] = {insatser, deltaganden, samtycken};
    for (std::size_t i = 0; i < set.size(); ++i) {
        set[i].kind = kSheetOrder[i];
        set[i].path = "/drop/" + std::string(kSheetFiles[i]);
        set[i].bytes = texts[i];
    }
    return set;
}

Collected parse(const SheetFiles& set) {
    CollectingSink sink;
    parseSet(set, sink);
    return sink.take();
}

const sdk::Field* findField(const sdk::Record& record, const std::string& name) {
    for (const auto& field : record.fields) {
        if (field.name == name) {
            return &field;
        }
    }
    return nullptr;
}

TEST(Parser, EmitsSheetsInOrderWithSnapshotsAfterEach) {
    auto out = parse(files(kIns + kInsRow, kDel, kSam));
    ASSERT_EQ(out.records.size(), 2u);
    EXPECT_EQ(out.records[0].entity, "insats");
    EXPECT_EQ(out.records[1].entity, "insats_budget");
    EXPECT_EQ(out.records[1].key, "I-1/2018");
    EXPECT_EQ(findField(out.records[1], "budget_kr")->value, "1000.50");
    EXPECT_EQ(out.snapshots,
              (std::vector<std::string>{"insats", "insats_budget", "deltagande", "samtycke"}));
}

TEST(Parser, ListItemsAreFieldsOfTheSameNameAndColumn) {
    auto out = parse(files(kIns + kInsRow, kDel, kSam));
    std::vector<std::string> malgrupper;
    for (const auto& field : out.records[0].fields) {
        if (field.name == "malgrupp") {
            malgrupper.push_back(field.value);
            EXPECT_EQ(field.column, 8);
        }
    }
    EXPECT_EQ(malgrupper, (std::vector<std::string>{"Annan", "Nyanlända"}));
    EXPECT_EQ(findField(out.records[1], "antal_kvinnor"), nullptr);  // empty cells give no field
}

TEST(Parser, AnonymousRowsDropTheNumberFromFieldsAndRaw) {
    const std::string row = "D-1,I-1,19740504-9334,Ja,Man,1974,2018-05-04,,,,,,,,,,\r\n";
    auto out = parse(files(kIns, kDel + row, kSam));
    ASSERT_EQ(out.records.size(), 1u);
    EXPECT_EQ(findField(out.records[0], "personnummer"), nullptr);
    EXPECT_EQ(findField(out.records[0], "anonym")->value, "Ja");
    EXPECT_EQ(out.records[0].raw, "D-1,I-1,,Ja,Man,1974,2018-05-04,,,,,,,,,,");
}

TEST(Parser, AnonymousBadRowsDoNotCarryTheNumberIntoQuarantine) {
    const std::string row = "D-1,I-1,\"19740504-9334\",Ja,Man,1974,2018-02-30,,,,,,,,,,\r\n";
    auto out = parse(files(kIns, kDel + row, kSam));
    ASSERT_EQ(out.problems.size(), 1u);
    EXPECT_EQ(out.problems[0].code, "bad_date");
    EXPECT_TRUE(sdk::testkit::findIdentityLike(out.problems[0].raw).empty())
        << out.problems[0].raw.size();
}

TEST(Parser, IdentifiedRowsPassTheNumberAsSent) {
    const std::string row = "D-1,I-1, 19740504-9334 ,Nej,Man,1974,2018-05-04,,,,,,,,,,S-1\r\n";
    auto out = parse(files(kIns, kDel + row, kSam));
    ASSERT_EQ(out.records.size(), 1u);
    EXPECT_EQ(findField(out.records[0], "personnummer")->value, "19740504-9334");
    EXPECT_EQ(findField(out.records[0], "samtycke_ref")->value, "S-1");
}

TEST(Parser, ColumnsMapByNameInAnyOrder) {
    const std::string header =
        "Blankett,Samtycke-ID,Personnummer,Gäller,Parter,Kategorier,Ändamål,Giltigt från,"
        "Giltigt till,Återkallat\r\n";
    const std::string row =
        "FK-1,S-1,19740504-9334,Förbundet,af;fk,identitet,samordning,2019-01-01,,\r\n";
    auto out = parse(files(kIns, kDel, header + row));
    ASSERT_EQ(out.records.size(), 1u);
    EXPECT_EQ(out.records[0].key, "S-1");
    EXPECT_EQ(findField(out.records[0], "blankett")->column, 1);
    EXPECT_EQ(findField(out.records[0], "galler_forbund")->value, "true");
    EXPECT_EQ(findField(out.records[0], "galler_forbund")->column, 4);
    EXPECT_EQ(findField(out.records[0], "galler_insats"), nullptr);
}

TEST(Parser, AMissingSheetRejectsTheWholeSetAndCountsEveryRow) {
    auto set = files(kIns + kInsRow + kInsRow,
                     kDel + "D-1,I-1,,Ja,Man,1974,2018-05-04,,,,,,,,,,\r\n", kSam);
    set[2].bytes.reset();
    set[2].missing = true;
    auto out = parse(set);
    EXPECT_TRUE(out.records.empty());
    EXPECT_TRUE(out.problems.empty());
    EXPECT_TRUE(out.snapshots.empty());
    ASSERT_EQ(out.rejections.size(), 3u);
    EXPECT_EQ(out.rejections[0].code, "set_incomplete");
    EXPECT_EQ(out.rejections[0].rows, 2);
    EXPECT_EQ(out.rejections[1].rows, 1);
    EXPECT_EQ(out.rejections[2].code, "missing_sheet");
    EXPECT_EQ(out.rejections[2].position.source, "/drop/samtycken.csv");
}

TEST(Parser, AMissingColumnRejectsTheSet) {
    auto out = parse(files(kIns, kDel, "Samtycke-ID,Personnummer\r\n"));
    ASSERT_EQ(out.rejections.size(), 3u);
    EXPECT_EQ(out.rejections[2].code, "bad_header");
    EXPECT_NE(out.rejections[2].message.find("Gäller"), std::string::npos);
}

TEST(Parser, AnEmptyFileHasNoHeader) {
    auto out = parse(files(kIns, "", kSam));
    ASSERT_EQ(out.rejections.size(), 3u);
    EXPECT_EQ(out.rejections[1].code, "bad_header");
}

TEST(Parser, UnknownColumnsAreWarnedAboutAndIgnored) {
    auto out = parse(files(kIns, kDel, "Extra," + kSam));
    EXPECT_EQ(out.warnings,
              (std::vector<std::string>{
                  "samtycken.csv: column 'Extra' is not in the spec and was ignored"}));
    EXPECT_TRUE(out.rejections.empty());
}

TEST(Parser, InconsistentInsatsRowsNameTheField) {
    const std::string other =
        "I-1,Namn,Individinriktad,Endast "
        "antal,2018-01-01,2019-12-31,Kommun,Nyanlända;Annan,2019,1,4,Nej,,\r\n";
    auto out = parse(files(kIns + kInsRow + other, kDel, kSam));
    ASSERT_EQ(out.problems.size(), 1u);
    EXPECT_EQ(out.problems[0].code, "inconsistent_insats");
    EXPECT_EQ(out.problems[0].field, "Uppföljningsmetod");
    EXPECT_EQ(out.problems[0].column, 4);
    EXPECT_EQ(out.problems[0].position.line, 3);
}

TEST(Parser, DuplicateBudgetYearsAreQuarantined) {
    auto out = parse(files(kIns + kInsRow + kInsRow, kDel, kSam));
    ASSERT_EQ(out.problems.size(), 1u);
    EXPECT_EQ(out.problems[0].code, "duplicate_key");
    EXPECT_EQ(out.recordsOf("insats_budget").size(), 1u);
}

TEST(Parser, EmptyRowsAreNotDataAndNotCounted) {
    auto out = parse(files(kIns + ",,,,,,,,,,,,,\r\n\r\n" + kInsRow, kDel, kSam));
    EXPECT_TRUE(out.problems.empty());
    ASSERT_EQ(out.records.size(), 2u);
    EXPECT_EQ(out.records[0].position.line, 4);
}

TEST(Parser, MissingKeyIsQuarantined) {
    auto out = parse(files(kIns, kDel + ",I-1,,Ja,Man,1974,2018-05-04,,,,,,,,,,\r\n", kSam));
    ASSERT_EQ(out.problems.size(), 1u);
    EXPECT_EQ(out.problems[0].code, "missing_value");
    EXPECT_EQ(out.problems[0].field, "Deltagande-ID");
}

}  // namespace
}  // namespace finsam::connectors::forbund_csv

namespace finsam::connectors::forbund_csv {
namespace {

// A wrong-shape row's key is trusted only in the first column: a stray comma before a later key column
// would otherwise name another participation, which the host would then retract.
TEST(Parser, WrongShapeRowNamesItsKeyOnlyWhenTheKeyIsTheFirstColumn) {
    const std::string reordered =
        "Insats-ID,Deltagande-ID,Personnummer,Anonym,Kön,Födelseår,Startdatum,Slutdatum,"
        "Remitterande aktör,Utbildningsnivå,Försörjning före,Tid i offentlig försörjning,"
        "Sysselsättning före,Avslutsanledning,Försörjning efter,Sysselsättning efter,Samtycke-ID\r\n"
        "I-1,extra,D-9,,Ja,Man,1990,2019-01-01,,,,,,,,,,\r\n";
    auto shifted = parse(files(kIns + kInsRow, reordered, kSam));
    ASSERT_EQ(shifted.problems.size(), 1u);
    EXPECT_EQ(shifted.problems[0].code, "wrong_shape");
    EXPECT_EQ(shifted.problems[0].entity, "deltagande");
    EXPECT_EQ(shifted.problems[0].key, "") << "the cell under Deltagande-ID is 'extra', not the row's key";

    auto first = parse(files(kIns + kInsRow, kDel + "D-7,I-1,,Ja,Man\r\n", kSam));
    ASSERT_EQ(first.problems.size(), 1u);
    EXPECT_EQ(first.problems[0].key, "D-7");
}

}  // namespace
}  // namespace finsam::connectors::forbund_csv
