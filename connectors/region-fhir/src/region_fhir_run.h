// connectors/region-fhir/src/region_fhir_run.h — one scheduled run: the two searches, page by page.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "finsam/sdk/connector.h"
#include "page_fetcher.h"
#include "page_processor.h"
#include "region_fhir_settings.h"
#include "search_checkpoint.h"

namespace finsam::connectors::region_fhir {

/// Each readBatch() reads one page of the current search (kSearches order) and returns the checkpoint
/// after it: the page is the unit the checkpoint describes, so `maxRecords` does not split it (page_size
/// bounds a batch). A search starts from its query at `since` (or from `next`, when a traversal was cut
/// short and its paging link still answers) and ends where a page has no next link. Drained when both
/// searches have ended for this run.
///
/// Failures (region-fhir.md "Failure handling"): a transport failure after the client's retries returns
/// kSourceUnavailable, a refused token kInvalidConfig; neither moves the checkpoint. A page refused whole
/// is reported once (RejectedSource at its URL) and its search waits at it: the checkpoint keeps `since`
/// and `next`, remembers the refusal so the next runs only warn, and the other search goes on.
class RegionFhirRun : public sdk::ConnectorRun {
public:
    RegionFhirRun(Settings settings, Checkpoint checkpoint, std::unique_ptr<PageFetcher> fetcher,
                  sdk::Logger* logger);

    sdk::BatchOutcome readBatch(std::size_t maxRecords, sdk::RecordSink& sink) override;

private:
    struct Step {
        sdk::Result result;
        bool searchEnded = false;
    };
    /// Fetches and applies the next page of the current search.
    Step readPage(sdk::RecordSink& sink);
    /// Fetches `url`; a stale next link (404/410) falls back to the query at `since`, with a warning.
    FetchedPage fetch(const std::string& type, SearchCursor& cursor, std::string& url, sdk::RecordSink& sink);
    void refuse(const std::string& type, SearchCursor& cursor, const std::string& url, const PageFault& fault,
                sdk::RecordSink& sink);
    void log(sdk::Logger::Level level, const std::string& message) const;

    Settings settings_;
    Checkpoint checkpoint_;  ///< what the returned checkpoint says
    std::unique_ptr<PageFetcher> fetcher_;
    sdk::Logger* logger_;  ///< may be null; owned by the host
    PageOptions pageOptions_;
    std::string origin_;   ///< base_url's scheme://host:port: the only place next links may lead
    std::size_t search_ = 0;  ///< index into kSearches of the search being read
    int pages_ = 0;           ///< pages read by this run (for the log)
    std::map<std::string, std::set<std::string>> followed_;  ///< per search, the page URLs this run applied
};

}  // namespace finsam::connectors::region_fhir
