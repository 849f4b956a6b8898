// core/webhook/subscriber_worker.h — the delivery loop of one subscriber: lease, read, POST, cursor or back-off.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>

#include "core/config/hub_config.h"
#include "core/feed/feed_reader.h"
#include "core/feed/feed_signal.h"
#include "core/store/session_pool.h"
#include "core/webhook/retry_schedule.h"
#include "core/webhook/webhook_sender.h"

namespace finsam::webhook {

/// How the loop paces itself; tests shorten these.
struct DispatchTiming {
    /// A claimed lease lasts this long plus the subscriber's timeout_seconds (so it outlives a POST in flight);
    /// it is renewed at every turn of the loop, and no wait is longer than a third of it.
    std::chrono::milliseconds lease{30000};
    /// Longest wait for new events when there are none: other instances' commits do not wake the FeedSignal.
    std::chrono::milliseconds poll{1000};
    /// First back-off cap; it doubles per consecutive failure up to max_backoff_seconds.
    std::chrono::milliseconds backoffBase{1000};
};

/// Delivers one subscriber's events in seq order, at least once, while this instance holds its lease.
/// run() is the thread's body; everything else is private to that thread.
class SubscriberWorker {
public:
    SubscriberWorker(config::WebhookConfig config, std::string secret, std::string owner,
                     store::SessionPool& sessions, feed::FeedSignal& signal, DispatchTiming timing);

    /// Loops until `stop` is requested (waits end at once then, a POST in flight within timeout_seconds), then
    /// gives the lease up. Store failures are logged and retried at the poll interval.
    void run(std::stop_token stop);

private:
    /// What to do before the next turn: wait `duration`, on the feed signal when `generation` is set.
    struct Wait {
        std::chrono::milliseconds duration{0};
        std::optional<std::uint64_t> generation;
    };

    Wait turn();
    Wait afterAttempt(const DeliveryOutcome& outcome, std::int64_t after, std::int64_t failuresBefore,
                      const std::vector<feed::FeedEvent>& events);
    void noteLease(bool held);
    void releaseLease();

    config::WebhookConfig config_;
    feed::FeedFilter filter_;
    std::string owner_;
    store::SessionPool& sessions_;
    feed::FeedSignal& signal_;
    DispatchTiming timing_;
    std::chrono::milliseconds leaseLength_;
    std::string safeUrl_;
    WebhookSender sender_;
    RetrySchedule schedule_;
    bool holdsLease_ = false;
};

}  // namespace finsam::webhook
