// core/webhook/subscriber_status.cpp — rows from SubscriberStore, head and lag from FeedReader.
// SPDX-License-Identifier: Apache-2.0
#include "core/webhook/subscriber_status.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/feed/feed_reader.h"
#include "core/webhook/subscriber_store.h"

namespace finsam::webhook {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

const char* stateOf(const SubscriberRow& row, std::int64_t lag) {
    if (row.consecutiveFailures > 0) {
        return "retrying";
    }
    if (lag == 0) {
        return "idle";
    }
    return row.lastSuccessAt.empty() ? "never_delivered" : "ok";
}

void timeOrNull(Writer& json, const char* name, const std::string& value) {
    json.Key(name);
    value.empty() ? json.Null() : json.String(value);
}

}  // namespace

std::string subscriberStatusesJson(store::Database& database, const std::vector<std::string>& ids) {
    SubscriberStore subscribers(database);
    feed::FeedReader reader(database);
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    json.StartArray();
    for (const auto& id : ids) {
        SubscriberRow row;
        row.id = id;
        if (auto found = subscribers.find(id)) {
            row = std::move(*found);
        }
        const std::int64_t lag = reader.countAfter(row.cursor, row.filter);
        json.StartObject();
        json.Key("id"); json.String(id);
        json.Key("cursor"); json.Int64(row.cursor);
        json.Key("head"); json.Int64(reader.head(row.filter));
        json.Key("lag_events"); json.Int64(lag);
        json.Key("delivered_events"); json.Int64(row.deliveredEvents);
        timeOrNull(json, "last_success_at", row.lastSuccessAt);
        timeOrNull(json, "last_attempt_at", row.lastAttemptAt);
        json.Key("consecutive_failures"); json.Int64(row.consecutiveFailures);
        timeOrNull(json, "last_error", row.lastError);
        timeOrNull(json, "next_attempt_at", row.nextAttemptAt);
        json.Key("state"); json.String(stateOf(row, lag));
        json.EndObject();
    }
    json.EndArray();
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace finsam::webhook
