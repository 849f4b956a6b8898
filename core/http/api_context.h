// core/http/api_context.h — what request handlers share: store connections, auth, readiness, the feed signal.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "core/config/hub_config.h"
#include "core/consent/consent.h"
#include "core/feed/feed_page_cache.h"
#include "core/feed/feed_signal.h"
#include "core/http/access_recorder.h"
#include "core/http/http_metrics.h"
#include "core/http/token_authenticator.h"
#include "core/plugin_host/plugin_host.h"
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
    /// The connector instances as configured now (serve: the scheduler's list, which SIGHUP replaces); unset:
    /// hub->connectors, or bare instances named by `connectors`.
    std::function<std::vector<config::ConnectorInstanceConfig>()> connectorConfigs{};
    std::function<void()> wakeScheduler{};  ///< a run was requested: look now, not at the next tick
    HttpMetrics* httpMetrics = nullptr;      ///< requests by route and status, for /metrics
    /// Plugins for POST /v1/admin/connectors/validate (their settings schemas); unset: only the instance schema.
    plugin_host::PluginHost* plugins = nullptr;
};

/// The connector instances as configured now (see ApiContext::connectorConfigs).
std::vector<config::ConnectorInstanceConfig> configuredConnectors(const ApiContext& context);

}  // namespace finsam::http
