// connectors/region-fhir/src/region_fhir_run.cpp — fetch, check, apply, advance; one page per batch.
// SPDX-License-Identifier: Apache-2.0
#include "region_fhir_run.h"

#include <exception>

#include "search_query.h"

namespace finsam::connectors::region_fhir {

RegionFhirRun::RegionFhirRun(Settings settings, Checkpoint checkpoint, std::unique_ptr<PageFetcher> fetcher,
                             sdk::Logger* logger)
    : settings_(std::move(settings)),
      checkpoint_(std::move(checkpoint)),
      fetcher_(std::move(fetcher)),
      logger_(logger),
      origin_(originOf(settings_.baseUrl).value_or("")) {
    pageOptions_.episode.emitKontakt = settings_.emitKontakt;
    pageOptions_.hsaIds = settings_.hsaIds;
    for (const char* type : kSearches) {
        // start_since applies only to a search the checkpoint knows nothing of.
        if (checkpoint_.searches.count(type) == 0) {
            checkpoint_.searches[type].since = settings_.startSince;
        }
    }
}

sdk::BatchOutcome RegionFhirRun::readBatch(std::size_t /*maxRecords: a page is one unit*/, sdk::RecordSink& sink) {
    sdk::BatchOutcome outcome;
    try {
        if (search_ < kSearches.size()) {
            Step step = readPage(sink);
            outcome.result = step.result;
            if (step.result.status == sdk::Status::kOk && step.searchEnded) {
                ++search_;
            }
        }
    } catch (const FetchError& e) {
        const bool refused = e.kind() == FetchError::Kind::kRefused;
        outcome.result = {refused ? sdk::Status::kInvalidConfig : sdk::Status::kSourceUnavailable,
                          std::string("region-fhir: ") + kSearches[search_] + " search: " +
                              (refused ? "the FHIR server refused the token (check the token source): " : "") +
                              e.what()};
    } catch (const std::exception& e) {
        outcome.result = {sdk::Status::kInternalError, std::string("region-fhir: ") + e.what()};
    }
    outcome.drained = outcome.result.status == sdk::Status::kOk && search_ >= kSearches.size();
    outcome.checkpoint = checkpoint_.toString();
    return outcome;
}

RegionFhirRun::Step RegionFhirRun::readPage(sdk::RecordSink& sink) {
    const std::string type = kSearches[search_];
    SearchCursor& cursor = checkpoint_.searches[type];
    std::string url = cursor.next.empty() ? searchUrl(settings_.baseUrl, type, cursor.since, settings_.pageSize)
                                          : cursor.next;
    const FetchedPage fetched = fetch(type, cursor, url, sink);
    if (fetched.status < 200 || fetched.status > 299) {
        return {{sdk::Status::kSourceUnavailable, "region-fhir: the FHIR server answered HTTP " +
                                                       std::to_string(fetched.status) + " to the " + type +
                                                       " search"}};
    }
    BundlePage::Reading reading = BundlePage::read(fetched.body, type);
    if (!reading.fault && reading.page->next() && originOf(*reading.page->next()) != origin_) {
        reading.fault = PageFault{"foreign_next_link",
                                  "link[relation=next] leads to another server than base_url: not followed (the "
                                  "token is sent to base_url only)",
                                  static_cast<std::int64_t>(reading.page->matches().size())};
    }
    ++pages_;
    if (reading.fault) {
        refuse(type, cursor, url, *reading.fault, sink);
        return {{}, true};  // the search waits at this page; the other one goes on
    }
    auto& followed = followed_[type];
    followed.insert(url);
    PageSummary summary;
    SearchCursor after = applyPage(*reading.page, type, url, cursor, pageOptions_, sink, summary);
    after.next = reading.page->next().value_or("");
    if (followed.count(after.next) != 0) {
        // Following it would never end. The page is applied and the search ends here: the next run asks again
        // from `since`, which is exact, so nothing is lost or read twice.
        sink.warn("region-fhir: a " + type + " page's link[relation=next] leads back to a page this run already "
                  "read; the search ends here and starts again from its last update next run");
        after.next.clear();
    }
    after.refusedUrl.clear();
    after.refusedCode.clear();
    cursor = std::move(after);
    if (summary.outcomes != 0) {
        sink.warn("region-fhir: a " + type + " page carried " + std::to_string(summary.outcomes) +
                  " OperationOutcome remark(s) of the server; they were not read");
    }
    log(sdk::Logger::Level::kDebug,
        type + " page " + std::to_string(pages_) + " of this run: " + std::to_string(summary.matches) +
            " matches, " + std::to_string(summary.alreadyRead) + " already read, " +
            std::to_string(summary.otherUnit) + " of other units (not taken), " +
            std::to_string(summary.quarantined) + " quarantined, " + std::to_string(summary.records) + " records; " +
            (cursor.next.empty() ? "last page" : "more pages follow"));
    return {{}, cursor.next.empty()};
}

FetchedPage RegionFhirRun::fetch(const std::string& type, SearchCursor& cursor, std::string& url,
                                 sdk::RecordSink& sink) {
    FetchedPage fetched = fetcher_->fetch(url);
    if (!cursor.next.empty() && (fetched.status == 404 || fetched.status == 410)) {
        // Servers keep a search's pages for a while only. `since` and `seen` are exact, so the query at
        // `since` gives the same matches again minus those already committed.
        sink.warn("region-fhir: the " + type + " search's paging link from an interrupted run has expired (HTTP " +
                  std::to_string(fetched.status) + "); reading again from its last committed update");
        cursor.next.clear();
        url = searchUrl(settings_.baseUrl, type, cursor.since, settings_.pageSize);
        fetched = fetcher_->fetch(url);
    }
    return fetched;
}

void RegionFhirRun::refuse(const std::string& type, SearchCursor& cursor, const std::string& url,
                           const PageFault& fault, sdk::RecordSink& sink) {
    if (cursor.refusedUrl == url && cursor.refusedCode == fault.code) {
        sink.warn("region-fhir: the " + type + " search still waits at a page refused before (" + fault.code +
                  "); nothing after it is read until the region corrects it");
        return;
    }
    sink.reject({{url, 0},
                 fault.code,
                 type + " page refused whole: " + fault.message +
                     ". Nothing on it was applied and the search waits at this page until it reads correctly",
                 fault.rows});
    cursor.refusedUrl = url;
    cursor.refusedCode = fault.code;
}

void RegionFhirRun::log(sdk::Logger::Level level, const std::string& message) const {
    if (logger_ != nullptr) {
        logger_->log(level, "region-fhir: " + message);
    }
}

}  // namespace finsam::connectors::region_fhir
