// core/webhook/subscriber_store.cpp — portable SQL (SQLite and PostgreSQL); affected rows decide the lease.
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/subscriber_store.h"

#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include "core/common/clock.h"
#include "core/store/row_text.h"

namespace finsam::webhook {

namespace {

std::string joined(const std::vector<std::string>& types) {
    return Poco::cat(std::string(","), types.begin(), types.end());
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& item : Poco::StringTokenizer(text, ",", Poco::StringTokenizer::TOK_IGNORE_EMPTY)) {
        out.push_back(item);
    }
    return out;
}

// Runs a prepared UPDATE and says whether it changed exactly one row.
bool changedOne(soci::statement& statement) {
    statement.execute(true);
    return statement.get_affected_rows() == 1;
}

}  // namespace

void SubscriberStore::registerSubscriber(const std::string& id, const feed::FeedFilter& filter) {
    database_.execute(
        "INSERT INTO webhook_subscriber (id, cursor_seq, types, forbund, delivered_events, consecutive_failures, "
        "registered_at) VALUES (:p0, 0, :p1, :p2, 0, 0, :p3) "
        "ON CONFLICT (id) DO UPDATE SET types = excluded.types, forbund = excluded.forbund",
        {id, joined(filter.types), filter.forbund.empty() ? std::nullopt : std::optional(filter.forbund),
         common::nowUtcIso()});
}

bool SubscriberStore::claimLease(const std::string& id, const std::string& owner, const std::string& now,
                                 const std::string& until) {
    soci::statement update =
        (database_.session().prepare << "UPDATE webhook_subscriber SET owner = :o, lease_until = :u WHERE id = :i "
                                        "AND (owner IS NULL OR owner = :o2 OR lease_until IS NULL OR lease_until < :n)",
         soci::use(owner), soci::use(until), soci::use(id), soci::use(owner), soci::use(now));
    return changedOne(update);
}

void SubscriberStore::releaseLease(const std::string& id, const std::string& owner) {
    database_.execute("UPDATE webhook_subscriber SET owner = NULL, lease_until = NULL WHERE id = :p0 AND owner = :p1",
                      {id, owner});
}

std::optional<SubscriberRow> SubscriberStore::find(const std::string& id) {
    soci::rowset<soci::row> rows =
        (database_.session().prepare << "SELECT id, cursor_seq, types, forbund, owner, lease_until, delivered_events, "
                                        "last_success_at, last_attempt_at, consecutive_failures, last_error, "
                                        "next_attempt_at FROM webhook_subscriber WHERE id = :i",
         soci::use(id));
    for (const auto& row : rows) {
        using store::cellText;
        SubscriberRow found;
        found.id = cellText(row, 0);
        found.cursor = std::stoll(cellText(row, 1));
        found.filter = {split(cellText(row, 2)), cellText(row, 3)};
        found.owner = cellText(row, 4);
        found.leaseUntil = cellText(row, 5);
        found.deliveredEvents = std::stoll(cellText(row, 6));
        found.lastSuccessAt = cellText(row, 7);
        found.lastAttemptAt = cellText(row, 8);
        found.consecutiveFailures = std::stoll(cellText(row, 9));
        found.lastError = cellText(row, 10);
        found.nextAttemptAt = cellText(row, 11);
        return found;
    }
    return std::nullopt;
}

bool SubscriberStore::recordSuccess(const std::string& id, const std::string& owner, std::int64_t from,
                                    std::int64_t to, std::int64_t count, const std::string& now) {
    long long fromSeq = from, toSeq = to, events = count;  // SOCI binds by reference
    // One statement is one short transaction: the cursor, the count and the health move together.
    soci::statement update =
        (database_.session().prepare << "UPDATE webhook_subscriber SET cursor_seq = :t, "
                                        "delivered_events = delivered_events + :c, last_success_at = :n, "
                                        "last_attempt_at = :n2, consecutive_failures = 0, last_error = NULL, "
                                        "next_attempt_at = NULL WHERE id = :i AND owner = :o AND cursor_seq = :f",
         soci::use(toSeq), soci::use(events), soci::use(now), soci::use(now), soci::use(id), soci::use(owner),
         soci::use(fromSeq));
    return changedOne(update);
}

bool SubscriberStore::recordFailure(const std::string& id, const std::string& owner, const std::string& error,
                                    const std::string& now, const std::string& nextAttemptAt) {
    soci::statement update =
        (database_.session().prepare << "UPDATE webhook_subscriber SET consecutive_failures = "
                                        "consecutive_failures + 1, last_error = :e, last_attempt_at = :n, "
                                        "next_attempt_at = :x WHERE id = :i AND owner = :o",
         soci::use(error), soci::use(now), soci::use(nextAttemptAt), soci::use(id), soci::use(owner));
    return changedOne(update);
}

}  // namespace finsam::webhook
