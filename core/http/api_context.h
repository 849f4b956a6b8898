// core/http/api_context.h — what request handlers share: store connections, auth, readiness, the feed signal.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "core/config/hub_config.h"
#include "core/consent/consent.h"
#include "core/feed/feed_page_cache.h"
#include "core/feed/feed_signal.h"
#include "core/http/access_recorder.h"
#include "core/http/token_authenticator.h"
#include "core/store/session_pool.h"

namespace finsam::http {

struct ApiContext {
    store::SessionPool& sessions;
    const TokenAuthenticator& authenticator;
    std::atomic<bool>& ready;      ///< false while migrating or when the store is unreachable
    feed::FeedSignal& feedSignal;  ///< woken when this instance commits events (long polls)
    AccessRecorder& access;        ///< the audit of person-level reads
    feed::FeedPageCache& pages;    ///< rendered full pages of /v1/feed
    consent::WindowConfig window{};          ///< hub.json consent.* (explain's "was this link allowed on D?")
    std::vector<std::string> connectors{};   ///< configured connector instance ids, for their status
    std::vector<std::string> subscribers{};  ///< configured webhook subscriber ids, for their status
    int maxLongPolls = 4;  ///< long polls that may wait at once; more answer at once (threads stay free)
    const config::HubConfig* hub = nullptr;  ///< indicators: threshold, local definitions, the förbund's members
};

}  // namespace finsam::http
