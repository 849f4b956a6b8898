// connectors/kommun-api/tests/support/scripted_fetcher.h — a PageFetcher answering from a script, so the run
// is tested without a server; and the page bodies the API writes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kommun_api_run.h"
#include "page_fetcher.h"

namespace finsam::connectors::kommun_api::testing {

/// {"items":[<items>],"next_cursor":"<next>","has_more":<more>}; `items` are JSON texts.
std::string pageBody(const std::vector<std::string>& items, const std::string& next, bool more);

/// Answers each URL from its script (the last answer repeats); unknown URLs answer 404. Shared with the test,
/// so answers can change between runs.
struct Script {
    std::map<std::string, std::vector<FetchedPage>> answers;
    std::map<std::string, FetchError> errors;  ///< thrown instead of answering
    std::vector<std::string> requested;
};

class ScriptedFetcher : public PageFetcher {
public:
    explicit ScriptedFetcher(std::shared_ptr<Script> script) : script_(std::move(script)) {}
    FetchedPage fetch(const std::string& url) override;

private:
    std::shared_ptr<Script> script_;
};

inline constexpr const char* kBase = "https://kommun.test";
inline const std::string kPaymentsUrl = std::string(kBase) + "/api/v1/forsorjningsstod/utbetalningar?limit=500";
inline const std::string kParticipationsUrl = std::string(kBase) + "/api/v1/finsam/deltaganden?limit=500";

/// A run over `script` from `checkpoint` (base URL kBase, limit 500, the harness's join key).
std::unique_ptr<KommunApiRun> scriptedRun(std::shared_ptr<Script> script, const std::string& checkpoint = "");

}  // namespace finsam::connectors::kommun_api::testing
