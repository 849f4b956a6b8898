// tests/generator/fault_test.cpp — each --fault plants exactly the fault it names, and
// truth/<format>.json names the outcome a hub must reach.
// SPDX-License-Identifier: Apache-2.0
#include "tests/generator/checks/af_spec_check.h"
#include "tests/generator/checks/fk_spec_check.h"
#include "tests/generator/checks/generated_drop.h"
#include "tests/generator/checks/replay.h"
#include "tests/generator/faults.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace finsam::generator {
namespace {

constexpr std::uint64_t kSeed = 2026;
constexpr int kParticipants = 300;

std::unique_ptr<checks::GeneratedDrop> withFaults(std::set<std::string> faults) {
    GeneratorOptions options = checks::optionsFor(kSeed, kParticipants);
    options.faults = std::move(faults);
    return checks::generate(options);
}

const checks::GeneratedDrop& clean() {
    static const auto drop = withFaults({});
    return *drop;
}

// The truth's entry for `fault`; fails the test when there is not exactly one.
const rapidjson::Value& faultEntry(const rapidjson::Document& truth, const std::string& fault) {
    const rapidjson::Value* found = nullptr;
    int count = 0;
    for (const auto& entry : truth["faults"].GetArray()) {
        if (fault == entry["fault"].GetString()) {
            found = &entry;
            ++count;
        }
    }
    EXPECT_EQ(count, 1) << fault;
    static const rapidjson::Value kNull;
    return found ? *found : kNull;
}

// Files of `faulted` that differ from the clean run's or exist in only one of the two.
std::set<std::string> changedFiles(const std::map<std::string, std::string>& cleanFiles,
                                   const std::map<std::string, std::string>& faulted) {
    std::set<std::string> changed;
    for (const auto& [name, bytes] : faulted) {
        const auto other = cleanFiles.find(name);
        if (other == cleanFiles.end() || other->second != bytes) {
            changed.insert(name);
        }
    }
    for (const auto& [name, bytes] : cleanFiles) {
        if (faulted.count(name) == 0) {
            changed.insert(name);
        }
    }
    return changed;
}

TEST(Faults, EveryFaultIsDocumentedWithItsFormatAndOutcome) {
    std::set<std::string> names;
    for (const FaultInfo& fault : allFaults()) {
        EXPECT_TRUE(std::string(fault.format) == "af" || std::string(fault.format) == "fk") << fault.name;
        EXPECT_TRUE(names.insert(fault.name).second) << fault.name;
        EXPECT_FALSE(std::string(fault.expected).empty());
    }
    EXPECT_EQ(names.size(), 17U);
    EXPECT_THROW(checkFaultNames({"no-such-fault"}), std::invalid_argument);
}

TEST(Faults, CleanRunsHaveNoFaultsInTheTruth) {
    EXPECT_EQ(clean().afTruth["faults"].Size(), 0U);
    EXPECT_EQ(clean().fkTruth["faults"].Size(), 0U);
    for (const auto& file : clean().afTruth["files"].GetArray()) {
        EXPECT_STREQ(file["outcome"].GetString(), "applied");
        EXPECT_EQ(file["quarantined"].Size(), 0U);
    }
}

class AfRowFault : public testing::TestWithParam<std::string> {};

// Only the last snapshot changes, in exactly one row, which the checks quarantine for the reason
// and at the line, column and field the truth names.
TEST_P(AfRowFault, QuarantinesExactlyTheNamedRow) {
    const auto drop = withFaults({GetParam()});
    const auto changed = changedFiles(clean().af, drop->af);
    ASSERT_EQ(changed.size(), 1U);
    const std::string name = *changed.begin();
    EXPECT_EQ(name, drop->af.rbegin()->first) << "the last regular snapshot";
    const checks::AfFile file = checks::checkAfFile(name, drop->af.at(name));
    ASSERT_EQ(file.problems.size(), 1U);
    EXPECT_TRUE(file.violations.empty()) << file.violations.front();
    const auto& entry = faultEntry(drop->afTruth, GetParam());
    EXPECT_EQ("af/" + name, entry["file"].GetString());
    EXPECT_STREQ(entry["expect"].GetString(), "row_quarantined");
    EXPECT_EQ(file.problems[0].line, entry["line"].GetUint64());
    EXPECT_EQ(file.problems[0].field, entry["field"].GetString());
    EXPECT_EQ(file.problems[0].reason, entry["reason"].GetString());
    if (file.problems[0].field.empty()) {
        EXPECT_EQ(entry["column"].GetUint64(), 0U);
    } else {
        EXPECT_EQ(file.header.at(entry["column"].GetUint64() - 1), file.problems[0].field);
    }
    for (const auto& row : file.rows) {
        if (row.line == file.problems[0].line) {
            EXPECT_EQ(file.value(row, "Rad_id"), entry["rad_id"].GetString());
        }
    }
    const checks::AfFile before = checks::checkAfFile(name, clean().af.at(name));
    EXPECT_TRUE(before.problems.empty());
    EXPECT_EQ(before.rows.size(), file.rows.size());
}

INSTANTIATE_TEST_SUITE_P(Af, AfRowFault,
                         testing::Values("bad-date", "bad-personnummer", "unknown-code",
                                         "wrong-field-count"),
                         [](const auto& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(Faults, AfRowFaultsTogetherTakeDistinctRows) {
    const auto drop = withFaults({"bad-date", "bad-personnummer", "unknown-code", "wrong-field-count"});
    const auto& last = *drop->af.rbegin();
    const checks::AfFile file = checks::checkAfFile(last.first, last.second);
    std::set<std::size_t> lines;
    for (const auto& p : file.problems) {
        lines.insert(p.line);
    }
    EXPECT_EQ(lines.size(), 4U);
    EXPECT_EQ(drop->afTruth["faults"].Size(), 4U);
}

TEST(Faults, Utf8FileIsAnExtraUtf8SnapshotTheHubRejectsWhole) {
    const auto drop = withFaults({"utf8-file"});
    const auto changed = changedFiles(clean().af, drop->af);
    ASSERT_EQ(changed.size(), 1U);
    const std::string name = *changed.begin();
    ASSERT_EQ(clean().af.count(name), 0U) << "an extra file, the regular ones untouched";
    const checks::AfFile file = checks::checkAfFile(name, drop->af.at(name));
    EXPECT_TRUE(file.utf8);
    EXPECT_TRUE(file.violations.empty());
    const auto& entry = faultEntry(drop->afTruth, "utf8-file");
    EXPECT_EQ("af/" + name, entry["file"].GetString());
    EXPECT_STREQ(entry["expect"].GetString(), "file_rejected");
    EXPECT_STREQ(entry["reason"].GetString(), "wrong_encoding");
    EXPECT_EQ(entry["rows"].GetUint64(), file.rows.size());
    EXPECT_EQ(checks::replayAf(drop->af).files.back().reason, "wrong_encoding");
}

TEST(Faults, ShrinkIsAnExtraSnapshotWithdrawingMoreThanHalf) {
    const auto drop = withFaults({"shrink"});
    const auto changed = changedFiles(clean().af, drop->af);
    ASSERT_EQ(changed.size(), 1U);
    const std::string name = *changed.begin();
    const checks::AfFile file = checks::checkAfFile(name, drop->af.at(name));
    EXPECT_TRUE(file.violations.empty() && file.problems.empty() && !file.utf8);
    // Against the last regular snapshot: withdrawals over half of the rows still due.
    const checks::AfFile last = checks::checkAfFile(clean().af.rbegin()->first, clean().af.rbegin()->second);
    std::set<std::string> now;
    for (const auto& row : file.rows) {
        now.insert(file.value(row, "Rad_id"));
    }
    const std::string window = checks::windowStartOf(file.date);
    std::size_t due = 0;
    std::size_t withdrawn = 0;
    for (const auto& row : last.rows) {
        const std::string end = last.value(row, last.value(row, "Radtyp") == "ERS" ? "Ersattning_tom" : "Insats_slut");
        if (!end.empty() && end < window) {
            continue;
        }
        ++due;
        withdrawn += now.count(last.value(row, "Rad_id")) == 0 ? 1 : 0;
    }
    EXPECT_GT(withdrawn * 2, due);
    const auto& entry = faultEntry(drop->afTruth, "shrink");
    EXPECT_EQ("af/" + name, entry["file"].GetString());
    EXPECT_STREQ(entry["reason"].GetString(), "shrink_guard");
    EXPECT_EQ(entry["rows"].GetUint64(), file.rows.size());
}

TEST(Faults, WithdrawalDropsTwoDueRowsFromTheLastSnapshot) {
    const auto drop = withFaults({"withdrawal"});
    const auto changed = changedFiles(clean().af, drop->af);
    ASSERT_EQ(changed.size(), 1U);
    const std::string name = *changed.begin();
    EXPECT_EQ(name, drop->af.rbegin()->first);
    const checks::AfFile before = checks::checkAfFile(name, clean().af.at(name));
    const checks::AfFile after = checks::checkAfFile(name, drop->af.at(name));
    std::set<std::string> gone;
    for (const auto& row : before.rows) {
        gone.insert(before.value(row, "Rad_id"));
    }
    for (const auto& row : after.rows) {
        gone.erase(after.value(row, "Rad_id"));
    }
    EXPECT_EQ(gone.size(), 2U);
    const auto& entry = faultEntry(drop->afTruth, "withdrawal");
    std::set<std::string> named;
    for (const auto& id : entry["rad_ids"].GetArray()) {
        named.insert(id.GetString());
    }
    EXPECT_EQ(named, gone);
    const auto replay = checks::replayAf(drop->af);
    for (const std::string& id : gone) {
        EXPECT_EQ(replay.files.back().withdrawn.count(id), 1U) << id << " is withdrawn, not aged out";
    }
}

class FkFileFault : public testing::TestWithParam<std::string> {};

// One batch changes and is refused whole for the named reason at the named line; the next batch
// carries the gap warning for it.
TEST_P(FkFileFault, RejectsExactlyTheNamedBatch) {
    const auto drop = withFaults({GetParam()});
    const auto changed = changedFiles(clean().fk, drop->fk);
    ASSERT_EQ(changed.size(), 1U);
    const std::string path = *changed.begin();
    const checks::FkFile file = checks::checkFkFile(path, drop->fk.at(path));
    const auto& entry = faultEntry(drop->fkTruth, GetParam());
    EXPECT_EQ("fk/" + path, entry["file"].GetString());
    EXPECT_STREQ(entry["expect"].GetString(), "file_rejected");
    EXPECT_EQ(file.rejectReason, entry["reason"].GetString());
    EXPECT_EQ(file.rejectLine, entry["line"].GetUint64());
    EXPECT_EQ(file.detailLines, entry["rows"].GetInt64());
    const auto replay = checks::replayFk(drop->fk);
    bool warned = false;
    for (const auto& f : replay.files) {
        for (const auto n : f.missingBefore) {
            warned = warned || n == file.batch;
        }
    }
    EXPECT_TRUE(warned) << "the next batch must reveal the gap";
}

INSTANTIATE_TEST_SUITE_P(Fk, FkFileFault,
                         testing::Values("short-line", "missing-trailer", "count-mismatch",
                                         "sum-mismatch", "out-of-order"),
                         [](const auto& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

class FkRecordFault : public testing::TestWithParam<std::pair<std::string, std::string>> {};

// One batch gains one record; the file stays valid (count and sum include it) and exactly that
// record is quarantined.
TEST_P(FkRecordFault, QuarantinesExactlyTheNamedRecord) {
    const auto& [fault, reason] = GetParam();
    const auto drop = withFaults({fault});
    const auto changed = changedFiles(clean().fk, drop->fk);
    ASSERT_EQ(changed.size(), 1U);
    const std::string path = *changed.begin();
    const checks::FkFile file = checks::checkFkFile(path, drop->fk.at(path));
    EXPECT_TRUE(file.rejectReason.empty() && file.violations.empty());
    ASSERT_EQ(file.problems.size(), 1U);
    EXPECT_EQ(file.problems[0].reason, reason);
    const auto& entry = faultEntry(drop->fkTruth, fault);
    EXPECT_STREQ(entry["expect"].GetString(), "record_quarantined");
    EXPECT_EQ(file.problems[0].line, entry["line"].GetUint64());
    EXPECT_EQ(reason, entry["reason"].GetString());
    EXPECT_EQ(file.detailLines, checks::checkFkFile(path, clean().fk.at(path)).detailLines + 1);
}

INSTANTIATE_TEST_SUITE_P(Fk, FkRecordFault,
                         testing::Values(std::pair<std::string, std::string>{"unknown-formanskod", "unknown_code"},
                                         std::pair<std::string, std::string>{"tom-before-from", "end_before_start"}),
                         [](const auto& info) {
                             std::string name = info.param.first;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(Faults, MakuleringOfUnknownCancelsAnArendeNeverSent) {
    const auto drop = withFaults({"makulering-of-unknown"});
    const auto changed = changedFiles(clean().fk, drop->fk);
    ASSERT_EQ(changed.size(), 1U);
    const auto& entry = faultEntry(drop->fkTruth, "makulering-of-unknown");
    EXPECT_STREQ(entry["expect"].GetString(), "record_ignored_and_logged");
    const std::string arende = entry["arende_id"].GetString();
    int seen = 0;
    for (const auto& [path, bytes] : drop->fk) {
        for (const auto& d : checks::checkFkFile(path, bytes).details) {
            if (d.arendeId == arende) {
                ++seen;
                EXPECT_EQ(d.andring, 'M');
                EXPECT_EQ("fk/" + path, entry["file"].GetString());
                EXPECT_EQ(d.line, entry["line"].GetUint64());
            }
        }
    }
    EXPECT_EQ(seen, 1) << "the M is the only record of its ärende";
}

TEST(Faults, DuplicateBatchIsARedeliveryUnderAnotherNameThatIsSkipped) {
    const auto drop = withFaults({"duplicate-batch"});
    const auto changed = changedFiles(clean().fk, drop->fk);
    ASSERT_EQ(changed.size(), 1U);
    const std::string path = *changed.begin();
    EXPECT_EQ(path.rfind("redelivery/", 0), 0U);
    const checks::FkFile copy = checks::checkFkFile(path, drop->fk.at(path));
    EXPECT_TRUE(copy.rejectReason.empty() && copy.violations.empty());
    int sameNumber = 0;
    for (const auto& [other, bytes] : drop->fk) {
        const checks::FkFile file = checks::checkFkFile(other, bytes);
        if (other != path && file.batch == copy.batch) {
            ++sameNumber;
            EXPECT_NE(file.created, copy.created);
            EXPECT_EQ(bytes.substr(101), drop->fk.at(path).substr(101)) << "same records";
        }
    }
    EXPECT_EQ(sameNumber, 1);
    const auto& entry = faultEntry(drop->fkTruth, "duplicate-batch");
    EXPECT_EQ("fk/" + path, entry["file"].GetString());
    EXPECT_STREQ(entry["expect"].GetString(), "skipped_duplicate");
    EXPECT_EQ(checks::replayFk(drop->fk).files.back().outcome, "duplicate");
}

TEST(Faults, BatchGapLeavesOutOneNumberAndTheNextBatchWarns) {
    const auto drop = withFaults({"batch-gap"});
    const auto changed = changedFiles(clean().fk, drop->fk);
    ASSERT_EQ(changed.size(), 1U);
    const std::string path = *changed.begin();
    ASSERT_EQ(drop->fk.count(path), 0U) << "a file left out";
    const std::int64_t lost = checks::checkFkFile(path, clean().fk.at(path)).batch;
    const auto& entry = faultEntry(drop->fkTruth, "batch-gap");
    EXPECT_EQ(entry["batch"].GetInt64(), lost);
    const auto replay = checks::replayFk(drop->fk);
    for (const auto& f : replay.files) {
        if (!f.missingBefore.empty()) {
            EXPECT_EQ(f.missingBefore, std::vector<std::int64_t>{lost});
            EXPECT_EQ("fk/" + f.path, entry["warned_by"].GetString());
        }
    }
}

TEST(Faults, FaultsOfAnotherFormatLeaveAFormatAlone) {
    const auto drop = withFaults({"short-line", "batch-gap"});
    EXPECT_TRUE(changedFiles(clean().af, drop->af).empty());
    EXPECT_EQ(checks::readBytes(drop->dir.path() / "truth" / "af.json"),
              checks::readBytes(clean().dir.path() / "truth" / "af.json"));
}

}  // namespace
}  // namespace finsam::generator
