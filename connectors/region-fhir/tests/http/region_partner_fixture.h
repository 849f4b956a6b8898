// connectors/region-fhir/tests/http/region_partner_fixture.h — the connector as the host runs it, over real
// HTTP(S) against the partner test server (tests/partner_server) serving finsam-gen's region.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "collecting_logger.h"
#include "collecting_sink.h"
#include "region_fhir_connector.h"
#include "region_test_support.h"
#include "temp_dir.h"
#include "tests/partner_server/partner_server.h"

namespace finsam::connectors::region_fhir::testing {

/// The generator's page size: a run with this page_size gets the generator's own pages from the server, and
/// pages of 10 put page boundaries inside runs of equal meta.lastUpdated (the nightly-sync stamps).
inline constexpr int kGeneratorPageSize = 10;
/// Not the server's default, so a token found in a message is surely this one.
inline constexpr const char* kRegionToken = "rgn-e2e-token-Qx7v";

/// finsam-gen region --seed 1 --participants 300 --region-page-size 10, made once per test process.
const GeneratedRegion& generatedRegion();

/// What the host keeps of one scheduled run: the output of the batches whose checkpoint it saved.
struct HostRun {
    sdk::testkit::Collected saved;
    std::string checkpoint;  ///< the last saved one; the starting one when no batch succeeded
    sdk::Result result;      ///< kOk when drained or stopped by plan; else open()'s or the failing batch's
    std::size_t batchesSaved = 0;
    std::size_t runs = 1;  ///< scheduled runs it took (runCrashingAfterEveryPage: one per page)
    bool drained = false;
    /// What a failing batch returned as its checkpoint (the host does not save it; it must not move anyway).
    std::optional<std::string> failedBatchCheckpoint;
};

struct RunPlan {
    std::string checkpoint{};
    int pageSize = kGeneratorPageSize;
    /// The host stops (not a failure) after saving this many batches that read something new (moved a
    /// search's `since` or `seen`): a run first asks a finished search again, and the query at `since`
    /// serves the boundary again; a batch that finds only what was read before does not count.
    std::size_t pagesAtMost = 1000;
    bool crashAfter = false;  ///< then reads one more batch and drops the run without saving it
    sdk::Connector* connector = nullptr;  ///< default: the plugin's own (HTTP through plugins/http-client)
};

class RegionPartnerFixture : public ::testing::Test {
protected:
    explicit RegionPartnerFixture(std::optional<finsam::testing::TlsServerFiles> tls = std::nullopt);
    ~RegionPartnerFixture() override;

    /// Settings for the server: token from a file in the config directory, waits of a millisecond or two
    /// between retries (the faults are the server's), rehabkoordinering emitted as kontakt, then
    /// `extraSettings`.
    std::string settings(int pageSize = kGeneratorPageSize) const;
    /// open() from plan.checkpoint, readBatch() until drained, saving the checkpoint after each batch only.
    HostRun run(const RunPlan& plan = {});
    /// Runs until drained where every run saves one page of news, reads one more and crashes without saving it.
    /// `beforeResume` may change the saved checkpoint first (e.g. the server forgot a paging link).
    HostRun runCrashingAfterEveryPage(int pageSize,
                                      const std::function<std::string(const std::string&)>& beforeResume = {});
    /// The phase-1 read: the generator's recorded pages, no network, otherwise the same settings.
    sdk::testkit::DrainOutcome recordedRead() const;
    /// The plugin's connector whose HTTP client hands its back-off and Retry-After waits to `waits`.
    static std::unique_ptr<RegionFhirConnector> connectorRecordingWaits(
        std::shared_ptr<std::vector<std::chrono::milliseconds>> waits);

    /// Every text the runs handed the host outside the identity fields: results, checkpoints, Record.raw and
    /// keys, problems, rejections, warnings, and the log lines so far.
    std::vector<std::string> textsSaid(const std::vector<const HostRun*>& runs) const;
    /// No token and no number of the generated world in any of them.
    void expectNothingSecretIn(const std::vector<const HostRun*>& runs) const;

    std::string extraSettings;  ///< further members for settings(), e.g. R"("tls":{…})"
    sdk::testkit::TempDir config;
    sdk::testkit::CollectingLogger logger;
    std::unique_ptr<finsam::testing::PartnerServer> server;
    RegionFhirConnector connector;  ///< httpFetcherFactory(): what the plugin runs
};

/// One line per record (entity, key, operation, stated/derived, fields), without the page URL: the server's
/// paging links name searches it made up, so only the content compares across runs.
std::vector<std::string> contentOf(const sdk::testkit::Collected& collected);
std::vector<std::string> sortedContentOf(const sdk::testkit::Collected& collected);
/// contentOf(collected) without the records of the resources with these ids.
std::vector<std::string> contentWithout(const sdk::testkit::Collected& collected,
                                        const std::vector<std::string>& keys);

/// The generator's matches of a search in page order (the server's order), parsed.
std::vector<std::string> generatedMatchesJson(const std::string& type);

}  // namespace finsam::connectors::region_fhir::testing
