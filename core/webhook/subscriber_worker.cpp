// core/webhook/subscriber_worker.cpp — one turn of the loop holds a store connection only while it reads or
// records; the POST runs without one.
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/subscriber_worker.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include "core/common/clock.h"
#include "core/webhook/error_text.h"
#include "core/webhook/subscriber_store.h"

namespace finsam::webhook {

using std::chrono::milliseconds;

namespace {

Poco::Logger& logger() { return Poco::Logger::get("webhook"); }

// Runs fn(SubscriberStore&, Database&) on a pooled connection, dropping the connection if it failed.
template <class Fn>
auto withStore(store::SessionPool& sessions, Fn&& fn) {
    auto lease = sessions.acquire();
    try {
        SubscriberStore subscribers(*lease);
        return fn(subscribers, *lease);
    } catch (...) {
        lease.discard();
        throw;
    }
}

// Failures are logged at the first and then at each power of two: a receiver down for a day is a few lines.
bool worthLogging(std::int64_t failures) { return (failures & (failures - 1)) == 0; }

}  // namespace

SubscriberWorker::SubscriberWorker(config::WebhookConfig config, std::string secret, std::string owner,
                                   store::SessionPool& sessions, feed::FeedSignal& signal, DispatchTiming timing)
    : config_(std::move(config)),
      filter_{config_.types, config_.forbund},
      owner_(std::move(owner)),
      sessions_(sessions),
      signal_(signal),
      timing_(timing),
      leaseLength_(timing.lease + std::chrono::seconds(config_.timeoutSeconds)),
      safeUrl_(redactedUrl(config_.url)),
      sender_(config_, std::move(secret)),
      schedule_(timing.backoffBase, std::chrono::seconds(config_.maxBackoffSeconds)) {}

void SubscriberWorker::run(std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any stopped;
    while (!stop.stop_requested()) {
        Wait wait;
        try {
            wait = turn();
        } catch (const std::exception& e) {
            logger().warning("webhook " + config_.id + ": store failed, trying again: " + e.what());
            wait = {timing_.poll, std::nullopt};
        }
        if (stop.stop_requested() || wait.duration <= milliseconds(0)) {
            continue;
        }
        if (wait.generation) {
            // The dispatcher notifies the signal when it stops, so this wait ends at once then too.
            signal_.waitFor(*wait.generation, wait.duration);
        } else {
            std::unique_lock lock(mutex);
            stopped.wait_for(lock, stop, wait.duration, [] { return false; });
        }
    }
    releaseLease();
}

SubscriberWorker::Wait SubscriberWorker::turn() {
    const std::uint64_t generation = signal_.generation();  // before the read: a commit after it wakes the wait
    std::optional<SubscriberRow> row;
    std::vector<feed::FeedEvent> events;
    const milliseconds longestWait = leaseLength_ / 3;
    std::optional<Wait> early = withStore(sessions_, [&](SubscriberStore& subscribers, store::Database& db)
                                                         -> std::optional<Wait> {
        const bool held = subscribers.claimLease(config_.id, owner_, common::nowUtcIso(), common::isoUtcIn(leaseLength_));
        noteLease(held);
        if (!held) {
            return Wait{timing_.poll, std::nullopt};
        }
        row = subscribers.find(config_.id);
        if (!row) {
            return Wait{timing_.poll, std::nullopt};
        }
        if (!row->nextAttemptAt.empty()) {
            const milliseconds backingOff = common::untilIsoUtc(row->nextAttemptAt);
            if (backingOff > milliseconds(0)) {
                return Wait{std::min(backingOff, longestWait), std::nullopt};
            }
        }
        events = feed::FeedReader(db).read(row->cursor, config_.batchSize, filter_);
        return std::nullopt;
    });
    if (early) {
        return *early;
    }
    if (events.empty()) {
        return {std::min(timing_.poll, longestWait), generation};
    }
    const DeliveryOutcome outcome = sender_.send(events, row->cursor);
    return afterAttempt(outcome, row->cursor, row->consecutiveFailures, events);
}

SubscriberWorker::Wait SubscriberWorker::afterAttempt(const DeliveryOutcome& outcome, std::int64_t after,
                                                      std::int64_t failuresBefore,
                                                      const std::vector<feed::FeedEvent>& events) {
    const std::string now = common::nowUtcIso();
    if (outcome.delivered) {
        const bool recorded = withStore(sessions_, [&](SubscriberStore& subscribers, store::Database&) {
            return subscribers.recordSuccess(config_.id, owner_, after, events.back().seq,
                                             static_cast<std::int64_t>(events.size()), now);
        });
        if (!recorded) {
            // Another instance took over meanwhile: it delivers from the stored cursor (at least once).
            logger().warning("webhook " + config_.id + ": lost the lease during a delivery; the batch may be "
                             "delivered again");
        } else if (failuresBefore > 0) {
            logger().information("webhook " + config_.id + ": " + safeUrl_ + " accepts deliveries again after " +
                                 std::to_string(failuresBefore) + " failed attempts");
        }
        return {milliseconds(0), std::nullopt};  // there may be more: read again at once
    }
    const std::int64_t failures = failuresBefore + 1;
    const milliseconds delay = schedule_.delay(failures);
    withStore(sessions_, [&](SubscriberStore& subscribers, store::Database&) {
        return subscribers.recordFailure(config_.id, owner_, outcome.error, now, common::isoUtcIn(delay));
    });
    if (worthLogging(failures)) {
        logger().warning("webhook " + config_.id + ": delivery failed (" + std::to_string(failures) +
                         " in a row), next attempt in " + std::to_string(delay.count()) + " ms: " + outcome.error);
    }
    return {std::min(delay, leaseLength_ / 3), std::nullopt};
}

void SubscriberWorker::noteLease(bool held) {
    if (held != holdsLease_) {
        logger().information("webhook " + config_.id + ": " +
                             (held ? "this instance delivers to " + safeUrl_ : "another instance holds the lease"));
    }
    holdsLease_ = held;
}

void SubscriberWorker::releaseLease() {
    if (!holdsLease_) {
        return;
    }
    try {
        withStore(sessions_, [&](SubscriberStore& subscribers, store::Database&) {
            subscribers.releaseLease(config_.id, owner_);
            return true;
        });
    } catch (const std::exception& e) {
        logger().warning("webhook " + config_.id + ": could not give the lease up (it runs out by itself): " +
                         e.what());
    }
    holdsLease_ = false;
}

}  // namespace finsam::webhook
