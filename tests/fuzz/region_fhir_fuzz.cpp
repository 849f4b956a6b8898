// tests/fuzz/region_fhir_fuzz.cpp — region-fhir (FHIR R4 searchset Bundles: Consent, then EpisodeOfCare)
// through RegionFhirRun with a page fetcher that answers the input's parts, separated by the line
// kPartSeparator, one per request in order, and then an empty last page for every later request.
// The run goes to drained; then a second run from its checkpoint asks the same server again (InputFetcher),
// unless the first run asked for some URL twice (then the "server" gave two answers for it).
// Invariants (bundle_page.h, page_processor.h, region_fhir_run.h): no message or log line holds what the
// hub's redaction would remove; no batch fails with an internal error (a bad page is refused whole, a bad
// match quarantined); the checkpoint parses and is written back byte for byte; the run drains; and the
// second run emits no record and refuses nothing anew: every match it meets was read already.
// SPDX-License-Identifier: Apache-2.0
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "finsam/http_client/redaction.h"
#include "region_fhir_run.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace finsam::connectors::region_fhir;

constexpr const char* kTarget = "region_fhir";
constexpr std::size_t kMaxParts = 16;
constexpr int kMaxBatches = 200;
constexpr const char* kBaseUrl = "https://fhir.region.test/R4";  // the generator's pages link there
constexpr const char* kLastPage = R"({"resourceType":"Bundle","type":"searchset","entry":[]})";

// The HTTP connectors' rule (http_client/redaction.h, which their messages are built against): a message holds
// nothing the hub's redaction would change (a 10- or 12-digit run, a number with its separator, a token).
std::string redactionChanges(std::string_view message) {
    return finsam::http_client::redact(message) == message ? std::string() : "holds what redaction would remove";
}

// What the "server" answers. The first run gets the input's parts in request order (then the last page),
// whatever it asks for, and each answer is recorded under its URL; the second run gets, for each URL, the
// answers the first run got for it, in the same order (then the last page): the same server, asked again.
// A search query is recorded without its _lastUpdated parameter, which moves with the checkpoint.
struct Pages {
    std::vector<std::string> parts;
    std::size_t next = 0;
    bool replay = false;
    bool askedTwice = false;  ///< the first run asked for one URL twice (paging links that cycle)
    std::map<std::string, std::deque<std::string>> answered;
};

std::string urlKey(const std::string& url) {
    const auto at = url.find("_lastUpdated=");
    if (at == std::string::npos) {
        return url;
    }
    const auto end = url.find('&', at);
    return url.substr(0, at) + (end == std::string::npos ? "" : url.substr(end + 1));
}

class InputFetcher : public PageFetcher {
public:
    explicit InputFetcher(std::shared_ptr<Pages> pages) : pages_(std::move(pages)) {}
    FetchedPage fetch(const std::string& url) override {
        auto& answers = pages_->answered[urlKey(url)];
        std::string body = kLastPage;
        if (pages_->replay) {
            if (!answers.empty()) {
                body = std::move(answers.front());
                answers.pop_front();
            }
        } else {
            if (pages_->next < pages_->parts.size()) {
                body = pages_->parts[pages_->next++];
            }
            pages_->askedTwice = pages_->askedTwice || !answers.empty();
            answers.push_back(body);
        }
        if (std::getenv("FINSAM_FUZZ_TRACE") != nullptr) {  // to read a crash: which page went where
            std::fprintf(stderr, "%s GET %s -> %zu bytes\n", pages_->replay ? "run 2" : "run 1", url.c_str(),
                         body.size());
        }
        return {url, 200, std::move(body)};
    }

private:
    std::shared_ptr<Pages> pages_;
};

// Reads until drained; returns the last checkpoint.
std::string drain(const std::string& checkpointText, bool emitKontakt, const std::shared_ptr<Pages>& pages,
                  finsam::fuzz::CheckingSink& sink) {
    auto checkpoint = Checkpoint::parse(checkpointText);
    FUZZ_CHECK(kTarget, checkpoint.has_value(), "the run's own checkpoint does not parse: " + checkpointText);
    Settings settings;
    settings.baseUrl = kBaseUrl;
    settings.pageSize = 200;
    settings.emitKontakt = emitKontakt;
    finsam::fuzz::CheckingLogger logger(sink);
    RegionFhirRun run(settings, std::move(*checkpoint), std::make_unique<InputFetcher>(pages), &logger);
    for (int batch = 0;; ++batch) {
        FUZZ_CHECK(kTarget, batch < kMaxBatches, "the run does not drain");
        const auto outcome = run.readBatch(500, sink);
        sink.check("the run's failure message", outcome.result.message);
        FUZZ_CHECK(kTarget, outcome.result.status == finsam::sdk::Status::kOk,
                   "readBatch failed: " + outcome.result.message);
        const auto parsed = Checkpoint::parse(outcome.checkpoint);
        FUZZ_CHECK(kTarget, parsed.has_value(), "the run's own checkpoint does not parse: " + outcome.checkpoint);
        FUZZ_CHECK(kTarget, parsed->toString() == outcome.checkpoint, "the checkpoint does not round-trip");
        if (outcome.drained) {
            return outcome.checkpoint;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    auto pages = std::make_shared<Pages>();
    pages->parts = finsam::fuzz::splitParts(input, kMaxParts);
    const bool emitKontakt = size % 2 == 1;  // settings.rehabkoordinering: both ways over the corpus

    finsam::fuzz::CheckingSink first(kTarget, redactionChanges);
    const std::string checkpoint = drain("", emitKontakt, pages, first);

    // The second run is only comparable when the server gave one answer per URL. Paging links that lead back
    // to a page already read (a cycle) are followed again by the run, and got another part of the input here.
    if (pages->askedTwice) {
        return 0;
    }
    pages->replay = true;
    finsam::fuzz::CheckingSink again(kTarget, redactionChanges);
    drain(checkpoint, emitKontakt, pages, again);
    FUZZ_CHECK(kTarget, again.records.empty(),
               "a second run over the same pages emits records again: " +
                   (again.records.empty() ? "" : again.records[0].entity + " " + again.records[0].key));
    FUZZ_CHECK(kTarget, again.rejected.empty(),
               "a second run over the same pages refuses a page again: " +
                   (again.rejected.empty() ? "" : again.rejected[0].code + " at " + again.rejected[0].position.source));
    return 0;
}
