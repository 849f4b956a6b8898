// tests/generator/fk_writer_test.cpp — the FK batches follow fk-fixed.md, carry the world's people
// and add up to truth/fk.json; large runs stream with flat memory.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/checks/fk_spec_check.h"
#include "tests/generator/checks/generated_drop.h"
#include "tests/generator/checks/replay.h"

#include <gtest/gtest.h>

#include <set>

namespace finsam::generator {
namespace {

using checks::FkFile;

std::set<std::string> numbersOfKind(const rapidjson::Document& world, const char* kind) {
    std::set<std::string> out;
    for (const auto& n : world["persons"]["numbers"][kind].GetArray()) {
        std::string number = n.GetString();
        out.insert(number.substr(0, 8) + number.substr(9));
    }
    return out;
}

void expectFinalStateMatches(const checks::GeneratedDrop& drop) {
    const checks::FkReplay replay = checks::replayFk(drop.fk);
    const auto& final = drop.fkTruth["final"];
    EXPECT_EQ(final["periods"].GetInt64(), replay.periods);
    EXPECT_EQ(final["ongoing"].GetInt64(), replay.ongoing);
    EXPECT_EQ(final["omfattning_sum"].GetInt64(), replay.omfattningSum);
    EXPECT_EQ(final["protected_periods"].GetInt64(), replay.protectedPeriods);
    std::map<std::string, std::int64_t> byCode;
    for (const auto& m : final["by_formanskod"].GetObject()) {
        byCode[m.name.GetString()] = m.value.GetInt64();
    }
    EXPECT_EQ(byCode, replay.byFormanskod);
    const auto& files = drop.fkTruth["files"];
    ASSERT_EQ(files.Size(), replay.files.size());
    for (rapidjson::SizeType i = 0; i < files.Size(); ++i) {
        EXPECT_EQ("fk/" + replay.files[i].path, files[i]["file"].GetString());
        EXPECT_EQ(replay.files[i].outcome, files[i]["outcome"].GetString()) << replay.files[i].path;
        if (replay.files[i].outcome == "applied") {
            std::vector<std::int64_t> missing;
            for (const auto& n : files[i]["missing_before"].GetArray()) {
                missing.push_back(n.GetInt64());
            }
            EXPECT_EQ(missing, replay.files[i].missingBefore) << replay.files[i].path;
        }
    }
}

TEST(FkDrop, SameSeedGivesIdenticalBytesAndOtherSeedDiffers) {
    GeneratorOptions options = checks::optionsFor(42, 300);
    options.faults = {"duplicate-batch", "short-line", "unknown-formanskod"};
    options.fk.detailRecords = 3000;
    options.fk.batchRecords = 700;
    const auto a = checks::generate(options);
    const auto b = checks::generate(options);
    EXPECT_EQ(a->fk, b->fk);
    EXPECT_EQ(checks::readBytes(a->dir.path() / "truth" / "fk.json"),
              checks::readBytes(b->dir.path() / "truth" / "fk.json"));
    options.world.seed = 43;
    EXPECT_NE(checks::generate(options)->fk, a->fk);
}

TEST(FkDrop, EveryBatchFollowsTheSpecInStrictlyIncreasingOrder) {
    int amendments = 0;
    int cancellations = 0;
    int protectedRecords = 0;
    for (const std::uint64_t seed : {1ULL, 2026ULL}) {
        const auto drop = checks::generate(checks::optionsFor(seed, 300));
        ASSERT_GT(drop->fk.size(), 12U);
        std::int64_t previous = 0;
        std::string previousCreated;
        for (const auto& [path, bytes] : drop->fk) {
            const FkFile file = checks::checkFkFile(path, bytes);
            EXPECT_TRUE(file.violations.empty()) << path << ": " << file.violations.front();
            EXPECT_TRUE(file.rejectReason.empty()) << path << ": " << file.rejectReason << " line " << file.rejectLine;
            EXPECT_TRUE(file.problems.empty()) << path << " line " << file.problems.front().line;
            EXPECT_EQ(path, "fk_ers_2220001230_" + std::string(8 - std::to_string(file.batch).size(), '0') +
                                std::to_string(file.batch) + ".txt");
            EXPECT_EQ(file.receiver, "2220001230");
            EXPECT_EQ(file.batch, previous + 1);
            EXPECT_GT(file.created, previousCreated);
            previous = file.batch;
            previousCreated = file.created;
            for (const auto& d : file.details) {
                amendments += d.andring == 'A' ? 1 : 0;
                cancellations += d.andring == 'M' ? 1 : 0;
                protectedRecords += d.skyddad ? 1 : 0;
            }
        }
        expectFinalStateMatches(*drop);
    }
    EXPECT_GT(amendments, 0);
    EXPECT_GT(cancellations, 0);
    EXPECT_GT(protectedRecords, 0);
}

// FK pays the world's people: every number is one of them, and S marks exactly the protected.
TEST(FkDrop, RecordsAreTheWorldsPeopleAndSMarksTheProtected) {
    const auto drop = checks::generate(checks::optionsFor(2026, 400));
    std::set<std::string> everyone;
    for (const char* kind : {"consenting", "anonymous", "protected", "withdrawing"}) {
        const auto some = numbersOfKind(drop->world, kind);
        everyone.insert(some.begin(), some.end());
    }
    const auto protectedNumbers = numbersOfKind(drop->world, "protected");
    for (const auto& [path, bytes] : drop->fk) {
        for (const auto& d : checks::checkFkFile(path, bytes).details) {
            EXPECT_EQ(everyone.count(d.personnummer), 1U) << path << " line " << d.line;
            EXPECT_EQ(d.skyddad, protectedNumbers.count(d.personnummer) == 1) << path << " line " << d.line;
        }
    }
}

TEST(FkTruth, FinalStateIsWhatTheBatchesAddUpTo) {
    GeneratorOptions options = checks::optionsFor(7, 400);
    options.faults = {"short-line", "missing-trailer", "count-mismatch", "sum-mismatch", "out-of-order",
                      "duplicate-batch", "batch-gap", "unknown-formanskod", "tom-before-from",
                      "makulering-of-unknown"};
    expectFinalStateMatches(*checks::generate(options));
    options.fk.detailRecords = 5000;
    options.fk.batchRecords = 1200;
    expectFinalStateMatches(*checks::generate(options));
}

TEST(FkVolume, DetailRecordsCountsEveryRecordWrittenAndBatchesKeepTheirSize) {
    GeneratorOptions options = checks::optionsFor(3, 150);
    options.fk.detailRecords = 4321;
    options.fk.batchRecords = 1000;
    const auto drop = checks::generate(options);
    std::int64_t details = 0;
    std::int64_t previous = 0;
    for (const auto& [path, bytes] : drop->fk) {
        const FkFile file = checks::checkFkFile(path, bytes);
        ASSERT_TRUE(file.rejectReason.empty() && file.violations.empty()) << path;
        EXPECT_EQ(file.batch, previous + 1);
        EXPECT_LE(file.detailLines, 1000);
        previous = file.batch;
        details += file.detailLines;
    }
    EXPECT_EQ(details, 4321);
    EXPECT_THROW(
        {
            GeneratorOptions tooFew = options;
            tooFew.fk.detailRecords = 1;
            checks::generate(tooFew);
        },
        std::invalid_argument);
}

// The real binary, so the peak RSS measured is the tool's own. 200 000 records are about 20 MB
// on disk; streaming keeps the process far below that.
TEST(FkVolume, TwoHundredThousandRecordsStreamWithBoundedMemory) {
    checks::TempDir dir;
    const auto run = checks::runChild({FINSAM_GEN_BINARY, "fk", "--out", dir.path().string(), "--seed", "9",
                                       "--fk-detail-records", "200000", "--fk-batch-records", "50000"});
    ASSERT_EQ(run.exitStatus, 0);
    std::cout << "finsam-gen fk --fk-detail-records 200000: peak RSS " << run.maxRssKb << " kB\n";
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FINSAM_RSS_HAS_ASAN_SHADOW 1
#endif
#endif
#ifdef FINSAM_RSS_HAS_ASAN_SHADOW
    // AddressSanitizer's shadow memory and freed-memory quarantine count in RSS: only a gross bound holds.
    EXPECT_LT(run.maxRssKb, 512 * 1024) << "streaming should keep the tool small";
#else
    EXPECT_LT(run.maxRssKb, 32 * 1024) << "streaming should keep the tool small";
#endif
    std::int64_t details = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "fk")) {
        const FkFile file = checks::checkFkFile(entry.path().filename().string(), checks::readBytes(entry.path()));
        EXPECT_TRUE(file.rejectReason.empty() && file.violations.empty()) << entry.path();
        details += file.detailLines;
    }
    EXPECT_EQ(details, 200000);
    const auto truth = checks::readJson(dir.path() / "truth" / "fk.json");
    std::int64_t truthDetails = 0;
    for (const auto& f : truth["files"].GetArray()) {
        truthDetails += f["details"].GetInt64();
    }
    EXPECT_EQ(truthDetails, 200000);
}

}  // namespace
}  // namespace finsam::generator
