// connectors/region-fhir/tests/entry_counts_test.cpp — every entry of an accepted page shows up in the host's
// counts: accepted (a record at its line, or acceptedWithoutRecord), quarantined with a reason, or rejected with
// its page.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "collecting_logger.h"
#include "record_views.h"
#include "region_test_support.h"
#include "test_fetchers.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

using Row = std::pair<std::string, std::int64_t>;  // page URL, entry (1-based)

// What the host counts of a run (core/pipeline/batch_applier.cpp): rows are (source, line); a record at line 0
// is derived and no row; a row taken without a record of its own is accepted; a row with any problem is
// quarantined, not accepted.
struct HostCounts {
    std::set<Row> accepted;
    std::set<Row> quarantined;
    std::int64_t rejectedRows = 0;

    std::int64_t read() const {
        return static_cast<std::int64_t>(accepted.size() + quarantined.size()) + rejectedRows;
    }
};

HostCounts countsOf(const sdk::testkit::Collected& collected) {
    HostCounts counts;
    for (const auto& problem : collected.problems) {
        counts.quarantined.emplace(problem.position.source, problem.position.line);
    }
    for (const auto& record : collected.records) {
        const Row row{record.position.source, record.position.line};
        if (record.position.line > 0 && counts.quarantined.count(row) == 0) {
            counts.accepted.insert(row);
        }
    }
    for (const auto& position : collected.folded) {
        const Row row{position.source, position.line};
        if (position.line > 0 && counts.quarantined.count(row) == 0) {
            counts.accepted.insert(row);
        }
    }
    for (const auto& rejection : collected.rejections) {
        counts.rejectedRows += rejection.rows;
    }
    return counts;
}

std::set<std::int64_t> linesOf(const std::set<Row>& rows) {
    std::set<std::int64_t> lines;
    for (const auto& [source, line] : rows) {
        lines.insert(line);
    }
    return lines;
}

// One run over one EpisodeOfCare page of `episodes` (patient p1 included), no consents.
sdk::testkit::DrainOutcome readEpisodes(const std::vector<std::string>& episodes, const std::string& extra = "",
                                        sdk::Logger* logger = nullptr) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    fetcher->answerQuery("Consent", bundle({}, {}));
    fetcher->answerQuery("EpisodeOfCare", bundle(episodes, {patient({.id = "p1", .personnummer = kPnrA})}));
    return drain(fetcher, "", settingsJson(200, extra), logger);
}

TEST(EntryCounts, RetractOnlyEpisodesAreAcceptedRowsWithTheirRetractDerived) {
    const auto outcome =
        readEpisodes({episode({.id = "e1", .status = "planned", .patient = "p1", .insats = "FB-1"}),
                      episode({.id = "e2", .status = "waitlist", .patient = "p1", .insats = "FB-1"}),
                      episode({.id = "e3", .status = "cancelled", .patient = "p1", .insats = "FB-1"}),
                      episode({.id = "e4", .status = "finished", .patient = "p1", .end = "2019-06-12"}),
                      episode({.id = "e5", .status = "entered-in-error", .patient = "p1"}),
                      episode({.id = "e6", .patient = "p1", .insats = "FB-1"})});
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    EXPECT_TRUE(outcome.collected.problems.empty());
    // Not started, and rehabkoordinering under `skip`: the retract stays derived (line 0, so the host does not
    // warn of retracting what it never held), and the entry is counted as accepted without a record.
    std::vector<std::string> lines;
    for (const auto& record : outcome.collected.records) {
        lines.push_back(describe(record, false) + " #" + std::to_string(record.position.line));
    }
    EXPECT_EQ(lines, (std::vector<std::string>{
                         "deltagande e1 retract derived #0",
                         "deltagande e2 retract derived #0",
                         "deltagande e3 retract derived #0",
                         "deltagande e4 retract derived #0",
                         "deltagande e5 retract derived #0",
                         "deltagande e6 upsert stated insats_id=FB-1 personnummer=198507099805 kon=female "
                         "fodelsear=1985 startdatum=2019-03-15 #6",
                     }));
    const HostCounts counts = countsOf(outcome.collected);
    EXPECT_EQ(linesOf(counts.accepted), (std::set<std::int64_t>{1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(counts.read(), 6);
}

TEST(EntryCounts, NotStartedEpisodesAreAcceptedRowsWhateverTheirKind) {
    const auto outcome = readEpisodes({episode({.id = "e1", .status = "planned", .patient = "p1"}),
                                       episode({.id = "e2", .status = "waitlist", .patient = "p1", .insats = "FB-1"})},
                                      "\"rehabkoordinering\":\"kontakt\"");
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    EXPECT_EQ(describeAll(outcome.collected.records, false),
              (std::vector<std::string>{"kontakt e1 retract derived", "deltagande e1 retract derived",
                                        "deltagande e2 retract derived", "kontakt e2 retract derived"}));
    EXPECT_EQ(linesOf(countsOf(outcome.collected).accepted), (std::set<std::int64_t>{1, 2}));
}

TEST(EntryCounts, ARepeatedVersionOnThePageIsQuarantinedAsADuplicate) {
    const std::string e1 = episode({.id = "e1", .patient = "p1", .insats = "FB-1"});
    const auto outcome = readEpisodes({e1, episode({.id = "e2", .patient = "p1", .insats = "FB-1"}), e1});
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    std::vector<std::string> keys;
    for (const auto& record : outcome.collected.records) {
        keys.push_back(record.key + "#" + std::to_string(record.position.line));
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"e1#1", "e2#2"}));
    ASSERT_EQ(outcome.collected.problems.size(), 1u);
    const auto& problem = outcome.collected.problems[0];
    EXPECT_EQ(problem.position.line, 3);
    EXPECT_EQ(problem.code, "duplicate_key");
    EXPECT_EQ(problem.field, "/entry/2/resource/id");
    EXPECT_EQ(problem.entity, "deltagande");
    EXPECT_EQ(problem.key, "e1");
    EXPECT_NE(problem.message.find("/entry/0/resource"), std::string::npos) << problem.message;
    const HostCounts counts = countsOf(outcome.collected);
    EXPECT_EQ(linesOf(counts.accepted), (std::set<std::int64_t>{1, 2}));
    EXPECT_EQ(linesOf(counts.quarantined), (std::set<std::int64_t>{3}));
    EXPECT_EQ(counts.read(), 3);
}

TEST(EntryCounts, ARepeatedConsentVersionIsQuarantinedAsADuplicateToo) {
    auto fetcher = std::make_shared<ScriptedFetcher>();
    const std::string c1 = consent({.id = "c1", .patient = "p1"});
    fetcher->answerQuery("Consent", bundle({c1, c1}, {patient({.id = "p1", .personnummer = kPnrA})}));
    fetcher->answerQuery("EpisodeOfCare", bundle({}, {}));
    const auto outcome = drain(fetcher);
    ASSERT_EQ(outcome.collected.records.size(), 1u);
    ASSERT_EQ(outcome.collected.problems.size(), 1u);
    EXPECT_EQ(outcome.collected.problems[0].code, "duplicate_key");
    EXPECT_EQ(outcome.collected.problems[0].entity, "samtycke");
    EXPECT_EQ(countsOf(outcome.collected).read(), 2);
}

// Every kind of entry on one page: accepted, retract-only, quarantined, repeated, of another unit (read and not
// taken, as organisation_hsa_ids says: accepted without a record; the log says how many there were).
TEST(EntryCounts, EveryEntryOfAnAcceptedPageIsCounted) {
    const std::string repeated = episode({.id = "e1", .patient = "p1", .insats = "FB-1"});
    sdk::testkit::CollectingLogger logger;
    const auto outcome =
        readEpisodes({repeated, episode({.id = "e2", .status = "planned", .patient = "p1", .insats = "FB-1"}),
                      episode({.id = "e3", .patient = "absent", .insats = "FB-1"}), repeated,
                      episode({.id = "e5", .patient = "p1", .insats = "FB-1", .hsaId = "SE2321000016-OTHR"}),
                      episode({.id = "e6", .status = "finished", .patient = "p1", .end = "2019-06-12"})},
                     "\"organisation_hsa_ids\":[\"SE2321000016-F1NS\"]", &logger);
    ASSERT_EQ(outcome.result.status, sdk::Status::kOk) << outcome.result.message;
    const HostCounts counts = countsOf(outcome.collected);
    EXPECT_EQ(linesOf(counts.accepted), (std::set<std::int64_t>{1, 2, 5, 6}));
    EXPECT_EQ(linesOf(counts.quarantined), (std::set<std::int64_t>{3, 4}));
    EXPECT_EQ(counts.read(), 6) << "six matches, one of another unit";
    bool logged = false;
    for (const auto& [level, line] : logger.lines()) {
        logged = logged || (line.find("6 matches") != std::string::npos &&
                            line.find("1 of other units (not taken)") != std::string::npos);
    }
    EXPECT_TRUE(logged) << "the page's log line says how many matches were of other units";
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
