// core/feed/feed_json.cpp — events are written with their stored payload embedded as raw JSON.
// SPDX-License-Identifier: Apache-2.0
#include "core/feed/feed_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace finsam::feed {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeEvent(Writer& json, const FeedEvent& event) {
    json.StartObject();
    json.Key("seq"); json.Int64(event.seq);
    json.Key("id"); json.String(event.eventId);
    json.Key("type"); json.String(event.type);
    json.Key("occurred_at"); json.String(event.occurredAt);
    json.Key("key"); json.String(event.entityKey);
    json.Key("schema_version"); json.Int(event.schemaVersion);
    json.Key("payload");
    json.RawValue(event.payload.data(), event.payload.size(), rapidjson::kObjectType);
    json.EndObject();
}

}  // namespace

std::string toJsonPage(const std::vector<FeedEvent>& events, std::int64_t after) {
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    json.StartObject();
    json.Key("events");
    json.StartArray();
    for (const auto& event : events) {
        writeEvent(json, event);
    }
    json.EndArray();
    json.Key("next_after");
    json.Int64(events.empty() ? after : events.back().seq);
    json.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string toNdjson(const std::vector<FeedEvent>& events) {
    std::string out;
    for (const auto& event : events) {
        rapidjson::StringBuffer buffer;
        Writer json(buffer);
        writeEvent(json, event);
        out.append(buffer.GetString(), buffer.GetSize());
        out += '\n';
    }
    return out;
}

}  // namespace finsam::feed
