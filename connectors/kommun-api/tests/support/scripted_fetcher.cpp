// connectors/kommun-api/tests/support/scripted_fetcher.cpp
// SPDX-License-Identifier: Apache-2.0
#include "support/scripted_fetcher.h"

#include <stdexcept>

#include "support/join_harness.h"

namespace finsam::connectors::kommun_api::testing {

std::string pageBody(const std::vector<std::string>& items, const std::string& next, bool more) {
    std::string body = R"({"items":[)";
    for (std::size_t i = 0; i < items.size(); ++i) {
        body += (i == 0 ? "" : ",") + items[i];
    }
    return body + R"(],"next_cursor":")" + next + R"(","has_more":)" + (more ? "true" : "false") + "}";
}

FetchedPage ScriptedFetcher::fetch(const std::string& url) {
    script_->requested.push_back(url);
    if (auto error = script_->errors.find(url); error != script_->errors.end()) {
        throw error->second;
    }
    auto answers = script_->answers.find(url);
    if (answers == script_->answers.end() || answers->second.empty()) {
        return {404, R"({"error":"not_found"})"};
    }
    FetchedPage page = answers->second.front();
    if (answers->second.size() > 1) {
        answers->second.erase(answers->second.begin());
    }
    return page;
}

std::unique_ptr<KommunApiRun> scriptedRun(std::shared_ptr<Script> script, const std::string& checkpoint) {
    Settings settings;
    settings.baseUrl = kBase;
    sdk::Result error;
    auto run = openRun(settings, checkpoint, kJoinKey, std::make_unique<ScriptedFetcher>(std::move(script)), error);
    if (!run) {
        throw std::runtime_error(error.message);
    }
    return run;
}

}  // namespace finsam::connectors::kommun_api::testing
