// core/http/feed_handlers.h — the pull API: GET /v1/feed (cursor, types, long polling) and /v1/feed/head.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/http/api_handler.h"

namespace finsam::http {

/// GET /v1/feed?after=SEQ&limit=N&types=…&wait=SECONDS (scope feed:read); JSON, or NDJSON for
/// Accept: application/x-ndjson or format=ndjson. Audited: it is person-level data.
class FeedHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

/// GET /v1/feed/head?types=… (scope feed:read): {"head": SEQ} — the highest seq the caller can read.
class FeedHeadHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                const Caller& caller) override;
};

}  // namespace finsam::http
