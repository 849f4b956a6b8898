// core/webhook/subscriber_store.h — the webhook_subscriber table (migration 0008): cursor, lease and health.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/feed/feed_reader.h"
#include "core/store/database.h"

namespace finsam::webhook {

/// One subscriber as stored. Times are ISO 8601 UTC ("" = never / none).
struct SubscriberRow {
    std::string id;
    std::int64_t cursor = 0;  ///< the last seq delivered (acknowledged with a 2xx)
    feed::FeedFilter filter;  ///< as the running config registered it
    std::string owner;        ///< the instance holding the lease
    std::string leaseUntil;
    std::int64_t deliveredEvents = 0;
    std::string lastSuccessAt;
    std::string lastAttemptAt;
    std::int64_t consecutiveFailures = 0;
    std::string lastError;  ///< redacted (error_text.h)
    std::string nextAttemptAt;
};

/// Statements on one connection (not thread-safe, like store::Database). Every change but registration is
/// conditional on the lease, so an instance that lost it changes nothing; a method answering false changed
/// nothing.
class SubscriberStore {
public:
    explicit SubscriberStore(store::Database& database) : database_(database) {}

    /// Adds `id` at cursor 0 (the beginning of the feed), or sets the filter of an existing one: its cursor stays.
    void registerSubscriber(const std::string& id, const feed::FeedFilter& filter);

    /// Takes or renews the lease until `until`: true when `owner` holds it now. A lease is free when nobody
    /// holds it or it ran out before `now`. One conditional UPDATE, so two instances cannot both take it.
    bool claimLease(const std::string& id, const std::string& owner, const std::string& now,
                    const std::string& until);

    /// Gives the lease up (at shutdown), so another instance takes over without waiting for it to run out.
    void releaseLease(const std::string& id, const std::string& owner);

    std::optional<SubscriberRow> find(const std::string& id);

    /// After a 2xx for events (from, to]: the cursor moves to `to`, `count` events are counted and the failure
    /// state clears. False when `owner` lost the lease or the cursor is no longer at `from`.
    bool recordSuccess(const std::string& id, const std::string& owner, std::int64_t from, std::int64_t to,
                       std::int64_t count, const std::string& now);

    /// After a failed attempt: one more consecutive failure, its redacted `error` and the next attempt's time.
    bool recordFailure(const std::string& id, const std::string& owner, const std::string& error,
                       const std::string& now, const std::string& nextAttemptAt);

private:
    store::Database& database_;
};

}  // namespace finsam::webhook
