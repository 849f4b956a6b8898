// tests/generator/generator_test.cpp — the förbund drop follows forbund-csv.md, reproducibly.
// SPDX-License-Identifier: Apache-2.0
#include "core/identity/personnummer.h"
#include "tests/generator/csv_writer.h"
#include "tests/generator/forbund_writer.h"
#include "tests/generator/person_generator.h"
#include "tests/generator/swedish_format.h"
#include "tests/generator/world_builder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace finsam::generator {
namespace {

using Row = std::vector<std::string>;

const std::string kBom = "\xEF\xBB\xBF";

// A strict reader for what the writer promises: BOM, ',' separated, Excel quoting, every record
// ending in CRLF. Fails the test (instead of guessing) on a bare CR, or a bare LF outside quotes.
std::vector<Row> parseSheet(const std::string& text) {
    EXPECT_EQ(text.substr(0, 3), kBom) << "sheet must start with a UTF-8 BOM";
    std::vector<Row> rows;
    Row row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 3; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            EXPECT_TRUE(field.empty()) << "quote inside an unquoted field at byte " << i;
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\r') {
            EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "bare CR at byte " << i;
            ++i;
            row.push_back(field);
            field.clear();
            rows.push_back(row);
            row.clear();
        } else {
            EXPECT_NE(c, '\n') << "record ended by LF without CR at byte " << i;
            field += c;
        }
    }
    EXPECT_FALSE(quoted) << "unterminated quoted field";
    EXPECT_TRUE(row.empty() && field.empty()) << "last record does not end in CRLF";
    return rows;
}

// Column lookup by header name, so the checks read like the spec.
struct Sheet {
    Row header;
    std::vector<Row> rows;
    std::string at(const Row& row, const std::string& column) const {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == column) {
                return row.at(i);
            }
        }
        ADD_FAILURE() << "no column " << column;
        return "";
    }
};

Sheet toSheet(const std::string& text) {
    std::vector<Row> rows = parseSheet(text);
    Sheet sheet;
    if (!rows.empty()) {
        sheet.header = rows.front();
        sheet.rows.assign(rows.begin() + 1, rows.end());
    }
    for (const Row& row : sheet.rows) {
        EXPECT_EQ(row.size(), sheet.header.size()) << "row width differs from the header";
    }
    return sheet;
}

struct Drop {
    Sheet insatser;
    Sheet deltaganden;
    Sheet samtycken;
};

Drop generate(std::uint64_t seed, int participants) {
    WorldOptions options;
    options.seed = seed;
    options.participants = participants;
    const ForbundSheets sheets = renderForbundSheets(buildWorld(options), seed);
    return {toSheet(sheets.insatser), toSheet(sheets.deltaganden), toSheet(sheets.samtycken)};
}

std::chrono::year_month_day referenceDay() {
    return std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::month{1},
                                       std::chrono::day{1}};
}

TEST(ForbundDrop, SameSeedGivesIdenticalBytesAndOtherSeedDiffers) {
    WorldOptions options;
    options.seed = 42;
    options.participants = 120;
    const ForbundSheets a = renderForbundSheets(buildWorld(options), options.seed);
    const ForbundSheets b = renderForbundSheets(buildWorld(options), options.seed);
    EXPECT_EQ(a.insatser, b.insatser);
    EXPECT_EQ(a.deltaganden, b.deltaganden);
    EXPECT_EQ(a.samtycken, b.samtycken);
    options.seed = 43;
    const ForbundSheets c = renderForbundSheets(buildWorld(options), options.seed);
    EXPECT_NE(a.deltaganden, c.deltaganden);
}

TEST(ForbundDrop, WritesThreeSheetsThenEmptyKlarWithoutLeftovers) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("finsam-gen-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    WorldOptions options;
    options.participants = 30;
    const World world = buildWorld(options);
    writeForbundDrop(world, options.seed, dir);
    writeForbundDrop(world, options.seed, dir);  // a second run over an existing drop is fine
    const ForbundSheets expected = renderForbundSheets(world, options.seed);
    const auto read = [&](const char* name) {
        std::ifstream in(dir / "forbund" / name, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    };
    EXPECT_EQ(read("insatser.csv"), expected.insatser);
    EXPECT_EQ(read("deltaganden.csv"), expected.deltaganden);
    EXPECT_EQ(read("samtycken.csv"), expected.samtycken);
    ASSERT_TRUE(std::filesystem::exists(dir / "forbund" / "KLAR"));
    EXPECT_EQ(std::filesystem::file_size(dir / "forbund" / "KLAR"), 0U);
    for (const auto& entry : std::filesystem::directory_iterator(dir / "forbund")) {
        EXPECT_NE(entry.path().extension(), ".tmp") << entry.path();
    }
    std::filesystem::remove_all(dir);
}

TEST(ForbundDrop, HeaderRowsAreExactlyTheSpecsNames) {
    const Drop drop = generate(1, 10);
    EXPECT_EQ(drop.insatser.header,
              (Row{"Insats-ID", "Namn", "Inriktning", "Uppföljningsmetod", "Startdatum",
                   "Slutdatum", "Huvudman", "Målgrupper", "Budgetår", "Budget (kr)",
                   "Planerat antal deltagare", "ESF", "Antal kvinnor", "Antal män"}));
    EXPECT_EQ(
        drop.deltaganden.header,
        (Row{"Deltagande-ID", "Insats-ID", "Personnummer", "Anonym", "Kön", "Födelseår",
             "Startdatum", "Slutdatum", "Remitterande aktör", "Utbildningsnivå", "Försörjning före",
             "Tid i offentlig försörjning", "Sysselsättning före", "Avslutsanledning",
             "Försörjning efter", "Sysselsättning efter", "Samtycke-ID"}));
    EXPECT_EQ(drop.samtycken.header,
              (Row{"Samtycke-ID", "Personnummer", "Gäller", "Parter", "Kategorier", "Ändamål",
                   "Giltigt från", "Giltigt till", "Återkallat", "Blankett"}));
}

TEST(ForbundDrop, RowCountMatchesParticipants) {
    for (const int participants : {0, 1, 37, 150}) {
        EXPECT_EQ(generate(7, participants).deltaganden.rows.size(),
                  static_cast<std::size_t>(participants));
    }
}

TEST(ForbundDrop, EveryNumberIsValidAndAgreesWithKonAndFodelsear) {
    const Drop drop = generate(2026, 400);
    int samordningsnummer = 0;
    for (const Row& row : drop.deltaganden.rows) {
        const std::string number = drop.deltaganden.at(row, "Personnummer");
        if (number.empty()) {
            continue;
        }
        ASSERT_TRUE(std::regex_match(number, std::regex(R"(\d{8}-\d{4})"))) << number;
        const identity::ParseResult parsed = identity::parsePersonnummer(number, referenceDay());
        ASSERT_TRUE(parsed.ok) << number << ": " << parsed.error;
        EXPECT_EQ(std::to_string(parsed.identity.birthYear), drop.deltaganden.at(row, "Födelseår"));
        const std::string kon = drop.deltaganden.at(row, "Kön");
        EXPECT_EQ(kon, parsed.identity.sex == identity::Sex::kMan ? "Man" : "Kvinna") << number;
        samordningsnummer +=
            parsed.identity.kind == identity::IdentityKind::kSamordningsnummer ? 1 : 0;
    }
    for (const Row& row : drop.samtycken.rows) {
        const std::string number = drop.samtycken.at(row, "Personnummer");
        EXPECT_TRUE(identity::parsePersonnummer(number, referenceDay()).ok) << number;
    }
    EXPECT_GT(samordningsnummer, 0);
}

TEST(ForbundDrop, ConsentsReferencedFromDeltagandenExistAndBelongToThePerson) {
    const Drop drop = generate(5, 300);
    std::map<std::string, Row> consents;
    for (const Row& row : drop.samtycken.rows) {
        EXPECT_TRUE(consents.emplace(drop.samtycken.at(row, "Samtycke-ID"), row).second)
            << "duplicate id";
    }
    std::set<std::string> cited;
    for (const Row& row : drop.deltaganden.rows) {
        const std::string id = drop.deltaganden.at(row, "Samtycke-ID");
        const bool anonymous = drop.deltaganden.at(row, "Anonym") == "Ja";
        EXPECT_EQ(anonymous, id.empty()) << drop.deltaganden.at(row, "Deltagande-ID");
        if (id.empty()) {
            continue;
        }
        cited.insert(id);
        const auto consent = consents.find(id);
        ASSERT_NE(consent, consents.end()) << id;
        EXPECT_EQ(drop.samtycken.at(consent->second, "Personnummer"),
                  drop.deltaganden.at(row, "Personnummer"));
        const std::string scope = drop.samtycken.at(consent->second, "Gäller");
        EXPECT_TRUE(scope == "Förbundet" || scope == drop.deltaganden.at(row, "Insats-ID")) << id;
        const std::string withdrawn = drop.samtycken.at(consent->second, "Återkallat");
        if (!withdrawn.empty()) {
            EXPECT_EQ(drop.deltaganden.at(row, "Slutdatum"), withdrawn);
            EXPECT_EQ(drop.deltaganden.at(row, "Avslutsanledning"), "Samtycke återkallat");
        }
    }
    EXPECT_EQ(cited.size(), consents.size()) << "every consent is cited by a deltagande";
}

TEST(ForbundDrop, IdsFollowTheRegistersPatterns) {
    const Drop drop = generate(3, 200);
    for (const Row& row : drop.insatser.rows) {
        EXPECT_TRUE(std::regex_match(drop.insatser.at(row, "Insats-ID"),
                                     std::regex(R"(FB-STHLM-\d{4}-\d{2})")));
    }
    for (const Row& row : drop.deltaganden.rows) {
        EXPECT_TRUE(std::regex_match(drop.deltaganden.at(row, "Deltagande-ID"),
                                     std::regex(R"(D-\d{4}-\d{5})")));
    }
    for (const Row& row : drop.samtycken.rows) {
        EXPECT_TRUE(std::regex_match(drop.samtycken.at(row, "Samtycke-ID"),
                                     std::regex(R"(SAM-\d{4}-\d{4})")));
        EXPECT_TRUE(std::regex_match(drop.samtycken.at(row, "Blankett"),
                                     std::regex(R"(FK9443-\d{4}-\d{6})")));
    }
}

// The awkward parts the connector must meet appear in every ordinary-sized set.
TEST(ForbundDrop, ContainsTheAwkwardCasesWithARealisticMix) {
    const Drop drop = generate(2026, 1000);
    bool comma = false;
    bool lineBreak = false;
    bool nbsp = false;
    bool decimalComma = false;
    bool headCount = false;
    for (const Row& row : drop.insatser.rows) {
        const std::string name = drop.insatser.at(row, "Namn");
        comma = comma || name.find(',') != std::string::npos;
        lineBreak = lineBreak || name.find('\n') != std::string::npos;
        const std::string budget = drop.insatser.at(row, "Budget (kr)");
        nbsp = nbsp || budget.find("\xC2\xA0") != std::string::npos;
        decimalComma = decimalComma || budget.find(',') != std::string::npos;
        if (drop.insatser.at(row, "Uppföljningsmetod") == "Endast antal") {
            headCount = true;
            EXPECT_EQ(drop.insatser.at(row, "Inriktning"), "Strukturövergripande");
            EXPECT_FALSE(drop.insatser.at(row, "Antal kvinnor").empty());
            EXPECT_FALSE(drop.insatser.at(row, "Antal män").empty());
        }
    }
    EXPECT_TRUE(comma && lineBreak && nbsp && decimalComma && headCount);

    int identified = 0;
    int anonymousWithNumber = 0;
    int anonymousWithout = 0;
    int ongoing = 0;
    std::map<std::string, int> perNumber;
    for (const Row& row : drop.deltaganden.rows) {
        const std::string number = drop.deltaganden.at(row, "Personnummer");
        const bool anonymous = drop.deltaganden.at(row, "Anonym") == "Ja";
        identified += anonymous ? 0 : 1;
        anonymousWithNumber += anonymous && !number.empty() ? 1 : 0;
        anonymousWithout += anonymous && number.empty() ? 1 : 0;
        ongoing += drop.deltaganden.at(row, "Slutdatum").empty() ? 1 : 0;
        if (!number.empty()) {
            ++perNumber[number];
        }
        EXPECT_EQ(drop.deltaganden.at(row, "Slutdatum").empty(),
                  drop.deltaganden.at(row, "Avslutsanledning").empty());
    }
    EXPECT_GT(identified, 600);
    EXPECT_LT(identified, 780);
    EXPECT_GT(anonymousWithNumber, 50);
    EXPECT_GT(anonymousWithout, 50);
    EXPECT_GT(ongoing, 50);
    EXPECT_TRUE(std::any_of(perNumber.begin(), perNumber.end(),
                            [](const auto& p) { return p.second == 2; }));
}

TEST(SwedishFormat, GroupsThousandsAndUsesDecimalComma) {
    EXPECT_EQ(formatSwedishAmount(125000000, ThousandsSeparator::kSpace), "1 250 000");
    EXPECT_EQ(formatSwedishAmount(842350, ThousandsSeparator::kSpace), "8 423,50");
    EXPECT_EQ(formatSwedishAmount(147000000, ThousandsSeparator::kNoBreakSpace),
              "1\xC2\xA0"
              "470\xC2\xA0"
              "000");
    EXPECT_EQ(formatSwedishAmount(99900, ThousandsSeparator::kSpace), "999");
    EXPECT_EQ(formatSwedishAmount(5, ThousandsSeparator::kSpace), "0,05");
}

TEST(CsvWriter, QuotesOnlyWhenNeededAndDoublesQuotes) {
    CsvWriter csv(CsvDialect{',', "\r\n", false, false});
    csv.addRow({"plain", "a,b", "say \"hi\"", "two\nlines", ""});
    EXPECT_EQ(csv.text(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

TEST(PersonGenerator, FormatsNumbersWithLuhnDigitAndSamordningsDay) {
    // Skatteverket's textbook example: 811218-9876.
    EXPECT_EQ(formatIdentityNumber(makeDate(1981, 12, 18), IdKind::kPersonnummer, 987),
              "19811218-9876");
    const std::string samordning =
        formatIdentityNumber(makeDate(1990, 3, 5), IdKind::kSamordningsnummer, 12);
    EXPECT_EQ(samordning.substr(0, 9), "19900365-");
    const auto parsed = identity::parsePersonnummer(samordning, referenceDay());
    ASSERT_TRUE(parsed.ok) << parsed.error;
    EXPECT_EQ(parsed.identity.kind, identity::IdentityKind::kSamordningsnummer);
}

}  // namespace
}  // namespace finsam::generator
