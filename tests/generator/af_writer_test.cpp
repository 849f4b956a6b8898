// tests/generator/af_writer_test.cpp — the AF snapshots follow af-csv.md, agree with the förbund
// register and with truth/af.json, reproducibly.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/checks/af_spec_check.h"
#include "tests/generator/checks/forbund_sheet.h"
#include "tests/generator/checks/generated_drop.h"
#include "tests/generator/checks/replay.h"
#include "tests/generator/identity_spelling.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace finsam::generator {
namespace {

using checks::AfFile;
using checks::AfRow;

std::vector<AfFile> parseAll(const std::map<std::string, std::string>& files) {
    std::vector<AfFile> parsed;
    for (const auto& [name, bytes] : files) {
        parsed.push_back(checks::checkAfFile(name, bytes));
    }
    return parsed;
}

std::set<std::string> strings(const rapidjson::Value& array) {
    std::set<std::string> out;
    for (const auto& v : array.GetArray()) {
        out.insert(v.GetString());
    }
    return out;
}

GeneratorOptions richOptions(std::uint64_t seed) {
    GeneratorOptions options = checks::optionsFor(seed, 300);
    options.af.snapshots = 4;
    options.af.shuffleColumns = true;
    return options;
}

TEST(AfDrop, SameSeedGivesIdenticalBytesAndOtherSeedDiffers) {
    GeneratorOptions options = richOptions(42);
    options.faults = {"bad-date", "utf8-file", "withdrawal"};
    const auto a = checks::generate(options);
    const auto b = checks::generate(options);
    EXPECT_EQ(a->af, b->af);
    EXPECT_EQ(checks::readBytes(a->dir.path() / "truth" / "af.json"),
              checks::readBytes(b->dir.path() / "truth" / "af.json"));
    EXPECT_EQ(checks::readBytes(a->dir.path() / "truth" / "world.json"),
              checks::readBytes(b->dir.path() / "truth" / "world.json"));
    options.world.seed = 43;
    EXPECT_NE(checks::generate(options)->af, a->af);
}

TEST(AfDrop, EveryFileFollowsTheSpecWithItsAwkwardParts) {
    std::map<std::string, int> seen;
    for (const std::uint64_t seed : {1ULL, 2026ULL, 77ULL}) {
        const auto drop = checks::generate(richOptions(seed));
        ASSERT_EQ(drop->af.size(), 4U);
        bool first = true;
        for (const AfFile& file : parseAll(drop->af)) {
            EXPECT_TRUE(file.violations.empty()) << file.name << ": " << file.violations.front();
            EXPECT_TRUE(file.problems.empty()) << file.name << " line " << file.problems.front().line;
            EXPECT_FALSE(file.utf8) << file.name;
            EXPECT_TRUE(file.hasLetterBeyondAscii) << file.name << ": å ä ö must be exercised";
            if (first) {
                EXPECT_EQ(file.header, checks::afSpecColumns()) << "the first delivery keeps the spec's order";
            }
            seen["shuffled"] += file.header != checks::afSpecColumns() ? 1 : 0;
            first = false;
            seen["quoted"] += file.quotedFields ? 1 : 0;
            seen["trailing empty line"] += file.trailingEmptyLine ? 1 : 0;
            for (const AfRow& row : file.rows) {
                const std::string number = file.value(row, "Personnummer");
                seen["10-digit number"] += number.size() == 11 ? 1 : 0;
                seen["samordningsnummer"] += number.size() == 13 && number[6] >= '6' ? 1 : 0;
                seen["skyddad"] += file.value(row, "Skyddad") == "J" ? 1 : 0;
                seen["decimal comma"] += file.value(row, "Omfattning").find(',') != std::string::npos ? 1 : 0;
                seen[file.value(row, "Radtyp")] += 1;
                seen["Samtycke_ref"] += file.value(row, "Samtycke_ref").empty() ? 0 : 1;
                seen["ended INS"] += file.value(row, "Avslutskod").empty() ? 0 : 1;
                for (const char* letter : {"å", "ä", "ö", "é"}) {
                    seen[letter] += (file.value(row, "Fornamn") + file.value(row, "Efternamn")).find(letter) != std::string::npos ? 1 : 0;
                }
            }
        }
    }
    for (const char* what : {"shuffled", "quoted", "trailing empty line", "10-digit number", "samordningsnummer",
                             "skyddad", "decimal comma", "ERS", "INS", "Samtycke_ref", "ended INS", "å", "ä", "ö", "é"}) {
        EXPECT_GT(seen[what], 0) << "no " << what << " in any file";
    }
}

TEST(AfDrop, LegacyNumbersUseTheSeparatorForTheirAge) {
    EXPECT_EQ(tenDigits("19811218-9876", makeDate(2020, 1, 1)), "811218-9876");
    EXPECT_EQ(tenDigits("19190305-1234", makeDate(2020, 1, 1)), "190305+1234");
    EXPECT_EQ(tenDigits("19900365-0120", makeDate(2020, 1, 1)), "900365-0120");
}

// Monthly snapshots over more than a year: rows keep their id and content, and leave only by the
// 13-month rule or a withdrawal, as truth/af.json says.
TEST(AfDrop, RowsAreStableAgeOutAfter13MonthsAndWithdrawalsAreInTheTruth) {
    GeneratorOptions options = checks::optionsFor(2026, 400);
    options.af.snapshots = 16;
    options.af.stepDays = 30;
    const auto drop = checks::generate(options);
    std::map<std::string, std::string> identity;  // Rad_id -> type, number, from
    for (const AfFile& file : parseAll(drop->af)) {
        ASSERT_TRUE(file.violations.empty()) << file.name;
        const std::string window = checks::windowStartOf(file.date);
        for (const AfRow& row : file.rows) {
            const std::string type = file.value(row, "Radtyp");
            const std::string end = file.value(row, type == "ERS" ? "Ersattning_tom" : "Insats_slut");
            EXPECT_TRUE(end.empty() || end >= window) << file.name << " line " << row.line << " should have aged out";
            const std::string key = type + " " + checks::normalisedNumber(file.value(row, "Personnummer"), file.date) +
                                    " " + file.value(row, type == "ERS" ? "Ersattning_from" : "Insats_start");
            const auto [it, fresh] = identity.emplace(file.value(row, "Rad_id"), key);
            EXPECT_EQ(it->second, key) << "Rad_id " << it->first << " changed what it identifies";
            (void)fresh;
        }
    }
    const checks::AfReplay replay = checks::replayAf(drop->af);
    const auto& files = drop->afTruth["files"];
    ASSERT_EQ(files.Size(), replay.files.size());
    std::size_t agedOut = 0;
    std::size_t withdrawn = 0;
    for (rapidjson::SizeType i = 0; i < files.Size(); ++i) {
        EXPECT_EQ(std::string(files[i]["outcome"].GetString()), replay.files[i].outcome);
        EXPECT_EQ(strings(files[i]["aged_out"]), replay.files[i].agedOut) << replay.files[i].path;
        EXPECT_EQ(strings(files[i]["withdrawn"]), replay.files[i].withdrawn) << replay.files[i].path;
        agedOut += replay.files[i].agedOut.size();
        withdrawn += replay.files[i].withdrawn.size();
    }
    EXPECT_GT(agedOut, 0U);
    EXPECT_GT(withdrawn, 0U) << "registration errors are withdrawn between snapshots";
}

void expectFinalStateMatches(const checks::GeneratedDrop& drop) {
    const checks::AfReplay replay = checks::replayAf(drop.af);
    const auto& final = drop.afTruth["final"];
    EXPECT_EQ(final["ers"]["periods"].GetInt64(), replay.ersPeriods);
    EXPECT_EQ(final["ers"]["ongoing"].GetInt64(), replay.ersOngoing);
    std::map<std::string, std::int64_t> byCode;
    for (const auto& m : final["ers"]["by_code"].GetObject()) {
        byCode[m.name.GetString()] = m.value.GetInt64();
    }
    EXPECT_EQ(byCode, replay.ersByCode);
    EXPECT_EQ(final["ins"]["participations"].GetInt64(), replay.insParticipations);
    EXPECT_EQ(final["ins"]["ongoing"].GetInt64(), replay.insOngoing);
    EXPECT_EQ(final["ins"]["with_samtycke_ref"].GetInt64(), replay.insWithSamtyckeRef);
}

TEST(AfTruth, FinalStateIsWhatTheFilesAddUpTo) {
    expectFinalStateMatches(*checks::generate(richOptions(5)));
    GeneratorOptions faulty = richOptions(5);
    faulty.faults = {"utf8-file", "bad-date", "bad-personnummer", "unknown-code", "wrong-field-count",
                     "shrink", "withdrawal"};
    expectFinalStateMatches(*checks::generate(faulty));
}

// INS rows are the förbund's own deltaganden seen from AF: same person, insats and start date.
TEST(AfDrop, InsRowsAreTheForbundsParticipationsWithTheConsentsForm) {
    const auto drop = checks::generate(checks::optionsFor(2026, 300));
    const auto deltaganden = checks::readForbundSheet(drop->forbund.at("deltaganden.csv"));
    const auto samtycken = checks::readForbundSheet(drop->forbund.at("samtycken.csv"));
    std::map<std::string, std::string> blankett;
    for (const auto& row : samtycken.rows) {
        blankett[samtycken.at(row, "Samtycke-ID")] = samtycken.at(row, "Blankett");
    }
    std::size_t insRows = 0;
    const AfFile last = checks::checkAfFile(drop->af.rbegin()->first, drop->af.rbegin()->second);
    for (const AfRow& row : last.rows) {
        if (last.value(row, "Radtyp") != "INS") {
            continue;
        }
        ++insRows;
        const std::string number = checks::normalisedNumber(last.value(row, "Personnummer"), last.date);
        int matches = 0;
        for (const auto& d : deltaganden.rows) {
            if (deltaganden.at(d, "Insats-ID") != last.value(row, "Insatskod") ||
                deltaganden.at(d, "Startdatum") != last.value(row, "Insats_start") ||
                deltaganden.at(d, "Födelseår") != number.substr(0, 4)) {
                continue;
            }
            const std::string theirs = deltaganden.at(d, "Personnummer");
            if (!theirs.empty() && theirs.substr(0, 8) + theirs.substr(9) != number) {
                continue;
            }
            ++matches;
            EXPECT_EQ(deltaganden.at(d, "Slutdatum"), last.value(row, "Insats_slut"));
            const std::string consent = deltaganden.at(d, "Samtycke-ID");
            EXPECT_EQ(consent.empty() ? "" : blankett.at(consent), last.value(row, "Samtycke_ref"));
        }
        EXPECT_EQ(matches, 1) << last.value(row, "Rad_id");
    }
    EXPECT_GT(insRows, 0U);
    // The hub also keeps rows that aged out of earlier snapshots.
    EXPECT_LE(static_cast<std::int64_t>(insRows), drop->afTruth["final"]["ins"]["participations"].GetInt64());
}

}  // namespace
}  // namespace finsam::generator
