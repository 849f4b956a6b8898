// core/feed/feed_reader.cpp — cursor reads with SOCI rowsets.
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/feed_reader.h"

namespace finsam::feed {

std::vector<FeedEvent> FeedReader::read(std::int64_t after, int limit) {
    std::vector<FeedEvent> events;
    long long cursor = after;
    soci::rowset<soci::row> rows =
        (database_.session().prepare << "SELECT seq, event_id, occurred_at, type, entity_key, schema_version, "
                                        "payload FROM feed_event WHERE seq > :a ORDER BY seq LIMIT :l",
         soci::use(cursor), soci::use(limit));
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
    return events;
}

std::int64_t FeedReader::head() {
    long long value = 0;
    soci::indicator indicator = soci::i_ok;
    database_.session() << "SELECT MAX(seq) FROM feed_event", soci::into(value, indicator);
    return indicator == soci::i_null ? 0 : value;
}

std::int64_t FeedReader::count() {
    long long value = 0;
    database_.session() << "SELECT COUNT(*) FROM feed_event", soci::into(value);
    return value;
}

}  // namespace finsam::feed
