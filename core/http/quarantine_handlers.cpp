// core/http/quarantine_handlers.cpp — payloads are redacted once more on the way out: what the store holds was
// redacted at write time, and this answer must not depend on that alone.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/quarantine_handlers.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>

#include "core/identity/redactor.h"
#include "core/store/quarantine_items.h"

namespace finsam::http {

using Poco::Net::HTTPResponse;

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeItem(Writer& json, const store::QuarantineItem& item, bool withPayload) {
    json.StartObject();
    json.Key("id"); json.Int64(item.id);
    json.Key("connector"); json.String(item.connector);
    json.Key("batch"); json.Int64(item.batchId);
    json.Key("source"); json.String(item.source);
    json.Key("line"); json.Int64(item.line);
    json.Key("column"); json.Int(item.column);
    json.Key("field"); json.String(item.field);
    json.Key("code"); json.String(item.code);
    json.Key("message"); json.String(identity::redactIdentities(item.message));
    json.Key("state"); json.String(item.state);
    json.Key("created_at"); json.String(item.createdAt);
    if (withPayload) {
        json.Key("payload"); json.String(identity::redactIdentities(item.payload));
    }
    json.EndObject();
}

}  // namespace

void QuarantineListHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                                   const Caller&) {
    store::QuarantineFilter filter;
    for (const auto& [name, value] : query(request)) {
        if (name == "connector") {
            filter.connector = value;
        } else if (name == "code") {
            filter.code = value;
        } else if (name == "source") {
            filter.source = value;
        } else if (name == "state") {
            if (value != "open" && value != "resolved" && value != "superseded") {
                throw BadParameter(name, "open, resolved or superseded");
            }
            filter.state = value;
        } else if (name == "after") {
            filter.after = integerParameter(name, value, 0, INT64_MAX);
        } else if (name == "limit") {
            filter.limit = static_cast<int>(integerParameter(name, value, 1, 1000));
        } else {
            throw BadParameter(name, "unknown parameter (connector, code, source, state, after, limit)");
        }
    }
    auto items = withStore(context_, [&](store::Database& db) { return store::listQuarantine(db, filter); });
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    json.StartObject();
    json.Key("items");
    json.StartArray();
    for (const auto& item : items) {
        writeItem(json, item, false);
    }
    json.EndArray();
    json.Key("next_after");
    if (static_cast<int>(items.size()) == filter.limit) {
        json.Int64(items.back().id);
    } else {
        json.Null();
    }
    json.EndObject();
    sendJson(request, response, HTTPResponse::HTTP_OK, buffer.GetString());
}

void QuarantineItemHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                                   const Caller&) {
    if (!query(request).empty()) {
        throw BadParameter(query(request).front().first, "unknown parameter");
    }
    std::int64_t id = 0;
    const std::string& text = params_.at("id");
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size()) {
        throw NotFound("no such quarantine item");
    }
    auto item = withStore(context_, [&](store::Database& db) { return store::quarantineItem(db, id); });
    if (!item) {
        throw NotFound("no such quarantine item");
    }
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    writeItem(json, *item, true);
    sendJson(request, response, HTTPResponse::HTTP_OK, buffer.GetString());
}

}  // namespace finsam::http
