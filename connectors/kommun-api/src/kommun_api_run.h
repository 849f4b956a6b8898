// connectors/kommun-api/src/kommun_api_run.h — one run over both endpoints: pages by cursor, one endpoint per
// batch, the checkpoint carried forward only with what a batch applied.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api_page.h"
#include "checkpoint.h"
#include "finsam/sdk/connector.h"
#include "kommun_api_settings.h"
#include "page_fetcher.h"
#include "payment_ledger.h"
#include "person_token.h"

namespace finsam::connectors::kommun_api {

/// Reads payments, then participations, each from its stored cursor until it answers has_more:false; then
/// the run is drained, and the next run resumes from the stored cursors. A batch is whole pages up to
/// `maxRecords` items (at least one page), of payments and, once they have nothing more, participations.
/// A page that cannot be read fails the batch with the checkpoint unchanged; pages read before it in the
/// same batch are applied first, and the failure is reported by the next readBatch() without asking again.
class KommunApiRun : public sdk::ConnectorRun {
public:
    KommunApiRun(Settings settings, std::unique_ptr<PageFetcher> fetcher, PersonTokens tokens, Checkpoint checkpoint,
                 PaymentLedger ledger);

    sdk::BatchOutcome readBatch(std::size_t maxRecords, sdk::RecordSink& sink) override;

    /// The URL of a page of `endpoint` after `cursor` (none: the first page).
    std::string pageUrl(std::size_t endpoint, const std::optional<std::string>& cursor) const;

private:
    struct ReadPage {
        std::string url;
        ApiPage page;
    };
    /// Pages of the current endpoint; empty with `failure_` set when not even one could be read.
    std::vector<ReadPage> fetchPages(std::size_t maxItems);
    void applyPayments(const std::vector<ReadPage>& pages, sdk::RecordSink& sink);
    void applyParticipations(const std::vector<ReadPage>& pages, sdk::RecordSink& sink);
    sdk::BatchOutcome outcome(sdk::Result result) const;

    Settings settings_;
    std::unique_ptr<PageFetcher> fetcher_;
    PersonTokens tokens_;
    Checkpoint checkpoint_;  ///< as of the last batch handed to the host
    PaymentLedger ledger_;   ///< matches checkpoint_.ledger between batches
    std::size_t endpoint_ = 0;  ///< kEndpoints.size() once every endpoint said has_more:false in this run
    std::optional<sdk::Result> failure_;  ///< a page that could not be read, reported by the next batch
    bool broken_ = false;  ///< an exception left the ledger half applied: this run reads no more
};

/// Opens a run from a stored checkpoint: refuses (nullptr, `error` set) a checkpoint this connector did not
/// write, or one whose person tokens were made under another join key.
std::unique_ptr<KommunApiRun> openRun(Settings settings, const std::string& checkpoint, const std::string& joinKey,
                                      std::unique_ptr<PageFetcher> fetcher, sdk::Result& error);

}  // namespace finsam::connectors::kommun_api
