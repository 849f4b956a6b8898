// tests/fuzz/feed_query_fuzz.cpp — parseFeedQuery on the query string of GET /v1/feed, decoded into
// (name, value) pairs exactly as the HTTP layer does (Poco::URI(request URI).getQueryParameters(); a
// query Poco cannot decode is answered 400 before the parser is asked).
// Invariants (feed_query.h): an accepted query is within its documented ranges and reads the same when
// written back as a query; a refusal names the parameter at fault and why.
// SPDX-License-Identifier: Apache-2.0
#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/feed/feed_query.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace finsam::feed;

constexpr const char* kTarget = "feed_query";

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ",") + item;
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string query(reinterpret_cast<const char*>(data), size);
    std::vector<std::pair<std::string, std::string>> parameters;
    try {
        parameters = Poco::URI("/v1/feed?" + query).getQueryParameters();
    } catch (const Poco::Exception&) {
        return 0;  // 400 "the query string cannot be decoded" (core/http/api_handler.cpp)
    }

    const FeedQueryResult result = parseFeedQuery(parameters);
    if (!result.ok) {
        FUZZ_CHECK(kTarget, !result.reason.empty(), "a refusal without a reason");
        bool named = false;
        for (const auto& [name, value] : parameters) {
            named = named || name == result.parameter;
        }
        FUZZ_CHECK(kTarget, named, "a refusal naming a parameter the query does not have: " + result.parameter);
        return 0;
    }
    const FeedQuery& q = result.query;
    FUZZ_CHECK(kTarget, q.after >= 0, "after is negative");
    FUZZ_CHECK(kTarget, q.limit >= 1 && q.limit <= kMaxLimit, "limit out of range");
    FUZZ_CHECK(kTarget, q.waitSeconds >= 0 && q.waitSeconds <= kMaxWaitSeconds, "wait out of range");
    for (const auto& type : q.types) {
        FUZZ_CHECK(kTarget, !type.empty() && type.find(',') == std::string::npos && type.find('*') == std::string::npos,
                   "types holds something that is not one catalogue type: " + type);
    }

    // Written back in canonical form, the query means the same.
    std::vector<std::pair<std::string, std::string>> canonical = {
        {"after", std::to_string(q.after)},
        {"limit", std::to_string(q.limit)},
        {"wait", std::to_string(q.waitSeconds)},
        {"format", q.ndjson ? "ndjson" : "json"},
    };
    if (!q.types.empty()) {
        canonical.emplace_back("types", join(q.types));
    }
    const FeedQueryResult again = parseFeedQuery(canonical);
    FUZZ_CHECK(kTarget, again.ok, "the canonical form of an accepted query is refused: " + again.reason);
    FUZZ_CHECK(kTarget,
               again.query.after == q.after && again.query.limit == q.limit && again.query.types == q.types &&
                   again.query.waitSeconds == q.waitSeconds && again.query.ndjson == q.ndjson,
               "the canonical form of an accepted query means something else");
    return 0;
}
