// connectors/region-fhir/tests/http/region_http_faults_test.cpp — region-fhir.md "Failure handling" over real
// HTTP: 429 and 5xx survived, a refused token, pages refused whole, resources quarantined alone, and nothing
// secret in anything the runs say.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <regex>

#include "http/region_partner_fixture.h"
#include "record_views.h"
#include "search_checkpoint.h"

namespace finsam::connectors::region_fhir::testing {
namespace {

using finsam::testing::Fault;
using finsam::testing::FaultKind;
using std::chrono::milliseconds;
using std::chrono::seconds;

const std::string kConsents = "/R4/Consent";
const std::string kEpisodes = "/R4/EpisodeOfCare";

bool says(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> concatenated(const sdk::testkit::Collected& a, const sdk::testkit::Collected& b) {
    auto lines = contentOf(a);
    const auto more = contentOf(b);
    lines.insert(lines.end(), more.begin(), more.end());
    return lines;
}

// The content lines of one entity.
std::vector<std::string> linesOf(const std::string& entity, const sdk::testkit::Collected& collected) {
    std::vector<std::string> lines;
    for (const auto& line : contentOf(collected)) {
        if (line.rfind(entity + " ", 0) == 0) {
            lines.push_back(line);
        }
    }
    return lines;
}

std::vector<std::string> sorted(std::vector<std::string> lines) {
    std::sort(lines.begin(), lines.end());
    return lines;
}

class RegionHttpFaults : public RegionPartnerFixture {
protected:
    /// A clean run over the same server, before any fault is injected.
    HostRun cleanRun() {
        HostRun clean = run();
        EXPECT_TRUE(clean.drained) << clean.result.message;
        server->clearLog();
        return clean;
    }
};

TEST_F(RegionHttpFaults, RateLimitsAndServerErrorsAreWaitedOutAndEndInTheRecordsOfACleanRun) {
    const HostRun clean = cleanRun();
    // The counts are per path prefix: the 3rd Consent request is the first attempt at page 3, and so on.
    server->inject(Fault::tooManyRequests(kConsents, seconds(7)).afterRequests(2));
    server->inject(Fault::serviceUnavailable(kConsents, 3, 502).afterRequests(5));  // 3 of 4 attempts
    server->inject(Fault::drop(kConsents).afterRequests(10));
    server->inject(Fault::tooManyRequestsUntil(kEpisodes, seconds(30)).afterRequests(1));
    server->inject(Fault::serviceUnavailable(kEpisodes, 2).afterRequests(4));
    server->inject(Fault::cutBody(kEpisodes).afterRequests(9));
    auto waits = std::make_shared<std::vector<milliseconds>>();
    auto recording = connectorRecordingWaits(waits);

    const auto started = std::chrono::steady_clock::now();
    const HostRun faulted = run({.connector = recording.get()});
    ASSERT_TRUE(faulted.drained) << faulted.result.message;
    EXPECT_LT(std::chrono::steady_clock::now() - started, seconds(10)) << "the waits were recorded, not slept";
    EXPECT_EQ(server->appliedFaults().size(), 9u);
    EXPECT_EQ(server->faultsArmed(), 0u);
    EXPECT_EQ(contentOf(faulted.saved), contentOf(clean.saved));
    EXPECT_EQ(faulted.checkpoint, clean.checkpoint);
    EXPECT_TRUE(faulted.saved.problems.empty());

    // Retry-After as asked (seconds; an HTTP-date 30 s ahead, whole seconds), back-off of milliseconds after
    // the 5xx and the cut body. libcurl may redo the dropped request itself on a fresh connection (no wait).
    EXPECT_EQ(std::count(waits->begin(), waits->end(), milliseconds(7000)), 1);
    EXPECT_EQ(std::count_if(waits->begin(), waits->end(),
                            [](milliseconds wait) { return wait >= seconds(20) && wait <= seconds(30); }),
              1);
    const auto backOffs =
        std::count_if(waits->begin(), waits->end(), [](milliseconds wait) { return wait <= seconds(1); });
    EXPECT_GE(backOffs, 6);
    EXPECT_LE(backOffs, 7);
    EXPECT_EQ(static_cast<std::size_t>(backOffs + 2), waits->size());
}

TEST_F(RegionHttpFaults, ARetryAfterIsReallyWaitedByThePluginsClient) {
    const HostRun clean = cleanRun();
    server->inject(Fault::tooManyRequests(kEpisodes, seconds(1)).afterRequests(1));
    const auto started = std::chrono::steady_clock::now();
    const HostRun faulted = run();
    ASSERT_TRUE(faulted.drained) << faulted.result.message;
    EXPECT_GE(std::chrono::steady_clock::now() - started, milliseconds(950));
    EXPECT_EQ(contentOf(faulted.saved), contentOf(clean.saved));
}

TEST_F(RegionHttpFaults, AServerDownBeyondTheRetriesFailsTheRunAndTheNextRunGoesOnFromTheSavedPage) {
    const HostRun clean = cleanRun();
    server->inject(Fault::serviceUnavailable(kEpisodes, Fault::kForever).afterRequests(1));
    const HostRun failed = run();
    EXPECT_EQ(failed.result.status, sdk::Status::kSourceUnavailable);
    EXPECT_TRUE(says(failed.result.message, "503")) << failed.result.message;
    EXPECT_EQ(server->requestCount(kEpisodes), 1u + 4u) << "page 2 tried max_attempts times";
    ASSERT_TRUE(failed.failedBatchCheckpoint.has_value());
    EXPECT_EQ(*failed.failedBatchCheckpoint, failed.checkpoint) << "a failed batch does not move the checkpoint";
    EXPECT_FALSE(Checkpoint::parse(failed.checkpoint)->searches.at("EpisodeOfCare").next.empty());

    server->clearFaults();
    const HostRun next = run({.checkpoint = failed.checkpoint});
    ASSERT_TRUE(next.drained) << next.result.message;
    EXPECT_EQ(concatenated(failed.saved, next.saved), contentOf(clean.saved));
    EXPECT_EQ(next.checkpoint, clean.checkpoint);
}

TEST_F(RegionHttpFaults, ARefusedTokenFailsTheRunSayingSoWithTheCheckpointUnchanged) {
    const HostRun clean = cleanRun();
    const std::pair<const char*, Fault> refusals[] = {
        {"401", Fault::unauthorized(kEpisodes, Fault::kForever).afterRequests(2)},
        {"403", Fault::serviceUnavailable(kEpisodes, Fault::kForever, 403).afterRequests(2)}};
    for (const auto& [status, refusal] : refusals) {
        SCOPED_TRACE(status);
        server->clearFaults();
        server->clearLog();
        server->inject(refusal);
        const HostRun failed = run();
        EXPECT_EQ(failed.result.status, sdk::Status::kInvalidConfig);
        EXPECT_TRUE(says(failed.result.message, "refused the token")) << failed.result.message;
        EXPECT_FALSE(says(failed.result.message, kRegionToken));
        EXPECT_EQ(server->requestCount(kEpisodes), 3u) << "the refused page asked once: retrying cannot help";
        ASSERT_TRUE(failed.failedBatchCheckpoint.has_value());
        EXPECT_EQ(*failed.failedBatchCheckpoint, failed.checkpoint);
        // Saved: every consent page and two episode pages; nothing of the refused one.
        const auto cursor = Checkpoint::parse(failed.checkpoint)->searches.at("EpisodeOfCare");
        EXPECT_EQ(cursor.next.rfind(server->regionBaseUrl() + "/EpisodeOfCare?_getpages=", 0), 0u) << cursor.next;
        EXPECT_TRUE(says(cursor.next, "_getpagesoffset=20")) << cursor.next;
        expectNothingSecretIn({&failed});

        server->clearFaults();
        const HostRun next = run({.checkpoint = failed.checkpoint});
        ASSERT_TRUE(next.drained) << next.result.message;
        EXPECT_EQ(concatenated(failed.saved, next.saved), contentOf(clean.saved));
        EXPECT_EQ(next.checkpoint, clean.checkpoint);
    }
}

TEST_F(RegionHttpFaults, AMalformedPageIsRejectedWithItsUrlAndTheCheckpointWaitsBeforeIt) {
    const HostRun clean = cleanRun();
    const HostRun onePage = run({.pagesAtMost = 1});  // what Consent page 1 leaves in the checkpoint
    const SearchCursor afterPage1 = Checkpoint::parse(onePage.checkpoint)->searches.at("Consent");
    const std::pair<FaultKind, std::string> kinds[] = {{FaultKind::kInvalidJson, "invalid_json"},
                                                       {FaultKind::kWrongShape, "not_a_bundle"},
                                                       {FaultKind::kUnknownResourceType, "unknown_resource_type"}};
    for (const auto& [kind, code] : kinds) {
        SCOPED_TRACE(code);
        server->clearFaults();
        const std::size_t faultsBefore = server->appliedFaults().size();
        server->inject(Fault::malformed(kind, kConsents).afterRequests(1));  // Consent page 2
        const HostRun first = run();
        ASSERT_TRUE(first.drained) << first.result.message;
        ASSERT_EQ(server->appliedFaults().size(), faultsBefore + 1);
        const std::string pageUrl = server->url(server->appliedFaults().back().target);
        ASSERT_EQ(first.saved.rejections.size(), 1u);
        const auto& rejection = first.saved.rejections[0];
        EXPECT_EQ(rejection.code, code);
        EXPECT_EQ(rejection.position.source, pageUrl);
        EXPECT_TRUE(says(rejection.message, "refused whole")) << rejection.message;
        // The Consent search waits at the refused page; the episodes were read in full meanwhile.
        const auto state = Checkpoint::parse(first.checkpoint);
        const SearchCursor& consents = state->searches.at("Consent");
        EXPECT_EQ(consents.since, afterPage1.since);
        EXPECT_EQ(consents.seen, afterPage1.seen);
        EXPECT_EQ(consents.next, pageUrl);
        EXPECT_EQ(consents.refusedCode, code);
        EXPECT_EQ(state->searches.at("EpisodeOfCare"), Checkpoint::parse(clean.checkpoint)->searches.at("EpisodeOfCare"));
        EXPECT_EQ(linesOf("samtycke", first.saved), linesOf("samtycke", onePage.saved)) << "page 1's only";

        // The region corrected the page: the next run reads it and the rest, and the two runs hold what one
        // clean run does, each record once.
        const HostRun second = run({.checkpoint = first.checkpoint});
        ASSERT_TRUE(second.drained) << second.result.message;
        EXPECT_TRUE(second.saved.rejections.empty());
        EXPECT_EQ(sorted(concatenated(first.saved, second.saved)), sortedContentOf(clean.saved));
        EXPECT_EQ(second.checkpoint, clean.checkpoint);
        expectNothingSecretIn({&first, &second});
    }
}

TEST_F(RegionHttpFaults, AResourceThatFailsValidationIsQuarantinedAloneWithItsPointer) {
    const HostRun clean = cleanRun();
    server->inject(Fault::malformed(FaultKind::kMissingField, kConsents));     // first match loses `patient`
    server->inject(Fault::malformed(FaultKind::kBadIdentifier, kEpisodes));    // first Patient's check digit
    const HostRun faulted = run();
    ASSERT_TRUE(faulted.drained) << faulted.result.message;
    EXPECT_TRUE(faulted.saved.rejections.empty());
    const auto applied = server->appliedFaults();
    ASSERT_EQ(applied.size(), 2u);

    std::vector<std::string> quarantinedKeys;
    std::size_t missingPatient = 0;
    std::size_t badIdentifier = 0;
    const std::regex identifierValue(R"(/entry/\d+/resource/identifier/\d+/value)");
    for (const auto& problem : faulted.saved.problems) {
        quarantinedKeys.push_back(problem.key);
        EXPECT_TRUE(says(problem.message, problem.field)) << problem.message;
        if (problem.code == "missing_patient") {
            ++missingPatient;
            EXPECT_EQ(problem.field, "/entry/0/resource/patient/reference");
            EXPECT_EQ(problem.position.source, server->url(applied[0].target));
            EXPECT_EQ(problem.position.line, 1);
            EXPECT_TRUE(says(applied[0].detail, "Consent/" + problem.key + ": patient removed")) << applied[0].detail;
        } else {
            ++badIdentifier;
            EXPECT_EQ(problem.code, "bad_identifier");
            EXPECT_TRUE(std::regex_match(problem.field, identifierValue)) << problem.field;
            EXPECT_EQ(problem.position.source, server->url(applied[1].target));
            EXPECT_EQ(problem.key.rfind("eoc-", 0), 0u) << problem.key;
        }
    }
    EXPECT_EQ(missingPatient, 1u);
    EXPECT_GE(badIdentifier, 1u) << "each match of the spoiled Patient on that page";
    EXPECT_EQ(contentOf(faulted.saved), contentWithout(clean.saved, quarantinedKeys)) << "the rest all applied";
    EXPECT_EQ(faulted.checkpoint, clean.checkpoint) << "a quarantined version counts as handled";
    expectNothingSecretIn({&faulted});
}

TEST_F(RegionHttpFaults, NoTokenOrPersonnummerInAnyMessageLogLineRawOrCheckpoint) {
    // Every kind of thing a run can say: records, quarantined resources, a refused page, retries, then a
    // refused token.
    server->inject(Fault::malformed(FaultKind::kBadIdentifier, kEpisodes));
    server->inject(Fault::malformed(FaultKind::kMissingField, kConsents));
    server->inject(Fault::malformed(FaultKind::kInvalidJson, kConsents).afterRequests(3));
    server->inject(Fault::serviceUnavailable(kEpisodes, 2).afterRequests(3));
    const HostRun faulted = run();
    ASSERT_TRUE(faulted.drained) << faulted.result.message;
    ASSERT_FALSE(faulted.saved.problems.empty());
    ASSERT_EQ(faulted.saved.rejections.size(), 1u);
    server->inject(Fault::unauthorized("/R4", Fault::kForever));
    const HostRun refused = run({.checkpoint = faulted.checkpoint});
    ASSERT_EQ(refused.result.status, sdk::Status::kInvalidConfig);
    ASSERT_FALSE(logger.lines().empty());
    expectNothingSecretIn({&faulted, &refused});
    // The numbers do reach the hub, in the field meant for the identity stage.
    std::size_t identified = 0;
    for (const auto& record : faulted.saved.records) {
        identified += valueOf(record, "personnummer").empty() ? 0 : 1;
    }
    EXPECT_GT(identified, 100u);
}

}  // namespace
}  // namespace finsam::connectors::region_fhir::testing
