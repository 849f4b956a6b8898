// core/http/feed_handlers.cpp — cursor reads with optional long polling; the waiting holds no store connection.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/feed_handlers.h"

#include <Poco/URI.h>

#include <algorithm>
#include <atomic>
#include <chrono>

#include "core/feed/event_catalogue.h"
#include "core/feed/feed_json.h"
#include "core/feed/feed_page_cache.h"
#include "core/feed/feed_query.h"
#include "core/feed/feed_reader.h"

namespace finsam::http {

using Poco::Net::HTTPResponse;

namespace {

// How often a long poll looks at the store itself: events committed by another instance on a shared
// PostgreSQL do not wake this instance's signal.
constexpr std::chrono::milliseconds kPollInterval{250};

std::atomic<int> waitingPolls{0};

// A slot among the long polls allowed to wait at once; without one the request answers at once.
class LongPollSlot {
public:
    explicit LongPollSlot(int limit) : held_(waitingPolls.fetch_add(1) < limit) {
        if (!held_) {
            waitingPolls.fetch_sub(1);
        }
    }
    ~LongPollSlot() {
        if (held_) {
            waitingPolls.fetch_sub(1);
        }
    }
    LongPollSlot(const LongPollSlot&) = delete;
    LongPollSlot& operator=(const LongPollSlot&) = delete;
    bool held() const { return held_; }

private:
    bool held_;
};

std::string rawQuery(const Poco::Net::HTTPServerRequest& request) {
    return Poco::URI(request.getURI()).getRawQuery();
}

}  // namespace

void FeedHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                         const Caller& caller) {
    feed::FeedQueryResult parsed = feed::parseFeedQuery(query(request));
    if (!parsed.ok) {
        throw BadParameter(parsed.parameter, parsed.reason);
    }
    const feed::FeedQuery& q = parsed.query;
    const feed::FeedFilter filter{q.types, caller.forbund};
    const bool ndjson = q.ndjson || request.get("Accept", "").find("application/x-ndjson") != std::string::npos;
    const std::string contentType = ndjson ? "application/x-ndjson" : "application/json";
    const std::string cacheKey = feed::FeedPageCache::keyOf(q, filter, ndjson);
    auto audit = [&](std::int64_t rows) {
        context_.access.record({0, "", caller.token, "/v1/feed", rawQuery(request), rows, caller.forbund});
    };
    if (auto cached = context_.pages.find(cacheKey)) {
        audit(cached->events);
        sendJson(request, response, HTTPResponse::HTTP_OK, cached->body, contentType);
        return;
    }
    auto read = [&] {
        return withStore(context_, [&](store::Database& db) { return feed::FeedReader(db).read(q.after, q.limit, filter); });
    };
    std::uint64_t generation = context_.feedSignal.generation();
    std::vector<feed::FeedEvent> events = read();
    if (events.empty() && q.waitSeconds > 0) {
        LongPollSlot slot(context_.maxLongPolls);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(q.waitSeconds);
        while (slot.held() && events.empty() && context_.ready.load()) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline -
                                                                              std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                break;
            }
            generation = context_.feedSignal.waitFor(generation, std::min(left, kPollInterval));
            events = read();
        }
    }
    audit(static_cast<std::int64_t>(events.size()));
    feed::RenderedPage page{ndjson ? feed::toNdjson(events) : feed::toJsonPage(events, q.after),
                            static_cast<std::int64_t>(events.size())};
    if (page.events == q.limit) {
        context_.pages.add(cacheKey, page);
    }
    sendJson(request, response, HTTPResponse::HTTP_OK, page.body, contentType);
}

void FeedHeadHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                             const Caller& caller) {
    feed::FeedFilter filter{{}, caller.forbund};
    for (const auto& [name, value] : query(request)) {
        if (name != "types" || !filter.types.empty()) {
            throw BadParameter(name, name == "types" ? "given more than once" : "unknown parameter");
        }
        try {
            filter.types = feed::expandTypes(value);
        } catch (const std::invalid_argument& e) {
            throw BadParameter(name, e.what());
        }
    }
    std::int64_t head = withStore(context_, [&](store::Database& db) { return feed::FeedReader(db).head(filter); });
    sendJson(request, response, HTTPResponse::HTTP_OK, "{\"head\":" + std::to_string(head) + "}");
}

}  // namespace finsam::http
