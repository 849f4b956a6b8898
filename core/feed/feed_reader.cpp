// core/feed/feed_reader.cpp — cursor reads with SOCI rowsets.
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/feed_reader.h"

#include <stdexcept>

#include "core/feed/event_catalogue.h"

namespace finsam::feed {

namespace {

// The filter as SQL. Types are catalogue names (checked here), so they are written as literals; the förbund
// binds as :f.
std::string whereOf(const FeedFilter& filter) {
    std::string where;
    if (!filter.forbund.empty()) {
        where += " AND forbund = :f";
    }
    if (!filter.types.empty()) {
        where += " AND type IN (";
        for (std::size_t i = 0; i < filter.types.size(); ++i) {
            if (findEventType(filter.types[i]) == nullptr) {
                throw std::invalid_argument("not an event type: " + filter.types[i]);
            }
            where += (i > 0 ? ",'" : "'") + filter.types[i] + "'";
        }
        where += ")";
    }
    return where;
}

}  // namespace

std::vector<FeedEvent> FeedReader::read(std::int64_t after, int limit, const FeedFilter& filter) {
    std::vector<FeedEvent> events;
    long long cursor = after;
    std::string forbund = filter.forbund;
    std::string sql = "SELECT seq, event_id, occurred_at, type, entity_key, schema_version, payload FROM feed_event "
                      "WHERE seq > :a" + whereOf(filter) + " ORDER BY seq LIMIT :l";
    auto collect = [&](soci::rowset<soci::row>& rows) {
        for (const auto& row : rows) {
            FeedEvent event;
            event.seq = row.get<long long>(0);
            event.eventId = row.get<std::string>(1);
            event.occurredAt = row.get<std::string>(2);
            event.type = row.get<std::string>(3);
            event.entityKey = row.get<std::string>(4);
            event.schemaVersion = row.get<int>(5);
            event.payload = row.get<std::string>(6);
            events.push_back(std::move(event));
        }
    };
    if (filter.forbund.empty()) {
        soci::rowset<soci::row> rows = (database_.session().prepare << sql, soci::use(cursor), soci::use(limit));
        collect(rows);
    } else {
        soci::rowset<soci::row> rows =
            (database_.session().prepare << sql, soci::use(cursor), soci::use(forbund), soci::use(limit));
        collect(rows);
    }
    return events;
}

std::int64_t FeedReader::head(const FeedFilter& filter) {
    long long value = 0;
    soci::indicator indicator = soci::i_ok;
    std::string sql = "SELECT MAX(seq) FROM feed_event WHERE seq > 0" + whereOf(filter);
    std::string forbund = filter.forbund;
    if (filter.forbund.empty()) {
        database_.session() << sql, soci::into(value, indicator);
    } else {
        database_.session() << sql, soci::use(forbund), soci::into(value, indicator);
    }
    return indicator == soci::i_null ? 0 : value;
}

std::int64_t FeedReader::countAfter(std::int64_t after, const FeedFilter& filter) {
    long long value = 0;
    long long cursor = after;
    std::string forbund = filter.forbund;
    std::string sql = "SELECT COUNT(*) FROM feed_event WHERE seq > :a" + whereOf(filter);
    if (filter.forbund.empty()) {
        database_.session() << sql, soci::use(cursor), soci::into(value);
    } else {
        database_.session() << sql, soci::use(cursor), soci::use(forbund), soci::into(value);
    }
    return value;
}

std::int64_t FeedReader::count() {
    long long value = 0;
    database_.session() << "SELECT COUNT(*) FROM feed_event", soci::into(value);
    return value;
}

}  // namespace finsam::feed
