// tests/fuzz/kommun_api_fuzz.cpp — kommun-api (cursor-paged JSON: payments, then participations) through
// openRun() and readBatch() with a page fetcher that answers the input's parts, separated by the line
// kPartSeparator, one per request in order, and then a last empty page for every later request.
// After every batch the run is opened again from its checkpoint (cursors and the payment ledger), as the
// host does on the next schedule.
// Invariants (api_page.h, kommun_api_run.h): no message holds what the hub's redaction would remove; a batch
// never fails with an internal error (a bad page or item is a page failure or a quarantine); the run's own
// checkpoint is always accepted again; the run drains.
// SPDX-License-Identifier: Apache-2.0
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "finsam/http_client/redaction.h"
#include "kommun_api_run.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace finsam::connectors::kommun_api;

constexpr const char* kTarget = "kommun_api";
constexpr std::size_t kMaxParts = 16;
constexpr int kMaxBatches = 200;
constexpr const char* kLastPage = R"({"items":[],"next_cursor":"end","has_more":false})";
const std::string kJoinKey(32, 'k');

// The HTTP connectors' rule (http_client/redaction.h, which their messages are built against): a message holds
// nothing the hub's redaction would change (a 10- or 12-digit run, a number with its separator, a token).
std::string redactionChanges(std::string_view message) {
    return finsam::http_client::redact(message) == message ? std::string() : "holds what redaction would remove";
}

struct Pages {
    std::vector<std::string> parts;
    std::size_t next = 0;
};

class InputFetcher : public PageFetcher {
public:
    explicit InputFetcher(std::shared_ptr<Pages> pages) : pages_(std::move(pages)) {}
    FetchedPage fetch(const std::string& /*url*/) override {
        if (pages_->next < pages_->parts.size()) {
            return {200, pages_->parts[pages_->next++]};
        }
        return {200, kLastPage};
    }

private:
    std::shared_ptr<Pages> pages_;
};

Settings settings() {
    Settings s;
    s.baseUrl = "https://kommun.test";
    s.limit = 500;
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using finsam::sdk::Status;
    const std::string input(reinterpret_cast<const char*>(data), size);
    auto pages = std::make_shared<Pages>();
    pages->parts = finsam::fuzz::splitParts(input, kMaxParts);

    finsam::sdk::Result error;
    auto run = openRun(settings(), "", kJoinKey, std::make_unique<InputFetcher>(pages), error);
    FUZZ_CHECK(kTarget, run != nullptr, "openRun failed: " + error.message);

    finsam::fuzz::CheckingSink sink(kTarget, redactionChanges);
    for (int batch = 0;; ++batch) {
        FUZZ_CHECK(kTarget, batch < kMaxBatches, "the run does not drain");
        const auto outcome = run->readBatch(50, sink);
        sink.check("the run's failure message", outcome.result.message);
        FUZZ_CHECK(kTarget, outcome.result.status != Status::kInternalError,
                   "an internal error: " + outcome.result.message);
        if (outcome.drained && outcome.result.status == Status::kOk) {
            break;
        }
        run = openRun(settings(), outcome.checkpoint, kJoinKey, std::make_unique<InputFetcher>(pages), error);
        FUZZ_CHECK(kTarget, run != nullptr, "the run's own checkpoint is refused: " + error.message);
    }
    return 0;
}
