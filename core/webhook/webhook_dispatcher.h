// core/webhook/webhook_dispatcher.h — every configured webhook subscriber, each on a thread of its own.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/config/hub_config.h"
#include "core/feed/feed_signal.h"
#include "core/store/session_pool.h"
#include "core/webhook/subscriber_worker.h"

namespace finsam::webhook {

/// One worker thread per subscriber, so a slow or dead subscriber never holds up another or the ingest.
/// Several instances on one PostgreSQL may run the same subscribers: only the lease holder delivers.
class WebhookDispatcher {
public:
    /// Reads every secret (throws std::runtime_error naming the subscriber and the file or variable, never the
    /// value) and registers each subscriber in the store (a known id keeps its cursor). Starts no thread.
    WebhookDispatcher(const std::vector<config::WebhookConfig>& subscribers, const std::string& configDir,
                      const store::StoreLocation& location, feed::FeedSignal& signal, DispatchTiming timing = {});
    ~WebhookDispatcher();
    WebhookDispatcher(const WebhookDispatcher&) = delete;
    WebhookDispatcher& operator=(const WebhookDispatcher&) = delete;

    void start();

    /// Ends every worker: waits end at once; a POST in flight ends within its timeout_seconds. Idempotent.
    void stop();

    /// The configured subscriber ids, in config order.
    const std::vector<std::string>& ids() const { return ids_; }

    /// This instance's name in the lease column (host, process id and a random part).
    const std::string& owner() const { return owner_; }

private:
    std::string owner_;
    std::vector<std::string> ids_;
    feed::FeedSignal& signal_;
    std::unique_ptr<store::SessionPool> sessions_;
    std::vector<std::unique_ptr<SubscriberWorker>> workers_;
    std::vector<std::jthread> threads_;
};

}  // namespace finsam::webhook
