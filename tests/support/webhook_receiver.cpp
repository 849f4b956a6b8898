// tests/support/webhook_receiver.cpp — the receiver answers 200 only to a page it could parse.
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/webhook_receiver.h"

#include <rapidjson/document.h>

#include <fstream>

#include "core/common/json.h"
#include "core/webhook/signature.h"

namespace finsam::testing {

WebhookReceiver::WebhookReceiver(std::string secret) : secret_(std::move(secret)) {
    server_.setHandler([this](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
        receive(LoopbackServer::current(), response);
    });
}

std::vector<Event> WebhookReceiver::accepted() const {
    std::lock_guard lock(mutex_);
    return accepted_;
}

std::string WebhookReceiver::bodies() const {
    std::lock_guard lock(mutex_);
    return bodies_;
}

void WebhookReceiver::receive(const RecordedRequest& request, Poco::Net::HTTPServerResponse& response) {
    const bool valid = request.header("X-Finsam-Signature") ==
                       webhook::signatureOf(secret_, request.header("X-Finsam-Timestamp"), request.body);
    if (!valid) {
        ++badSignatures_;
    }
    if (!up_) {
        ++refused_;
        LoopbackServer::reply(response, 503, "{}");
        return;
    }
    rapidjson::Document page;
    page.Parse(request.body.c_str());
    if (page.HasParseError() || !page.IsObject() || !page.HasMember("events") || !page["events"].IsArray()) {
        LoopbackServer::reply(response, 400, "{}");
        return;
    }
    {
        std::lock_guard lock(mutex_);
        bodies_ += request.body;
        for (const auto& event : page["events"].GetArray()) {
            accepted_.push_back({event["seq"].GetInt64(), event["id"].GetString(), event["key"].GetString()});
        }
    }
    LoopbackServer::reply(response, 200, "{}");
}

void addWebhooks(const std::string& configFile, const std::string& webhooksJson) {
    rapidjson::Document config = common::readJsonFile(configFile);
    rapidjson::Document webhooks;
    webhooks.Parse(webhooksJson.c_str());
    config.AddMember("webhooks", rapidjson::Value(webhooks, config.GetAllocator()), config.GetAllocator());
    std::ofstream(configFile, std::ios::trunc) << common::toJson(config);
}

std::vector<Event> expectedEvents(const TestStore& store, const feed::FeedFilter& filter) {
    auto db = store.open();
    feed::FeedReader reader(*db);
    std::vector<Event> out;
    for (std::int64_t after = 0;;) {
        auto page = reader.read(after, 1000, filter);
        if (page.empty()) {
            return out;
        }
        for (const auto& event : page) {
            out.push_back({event.seq, event.eventId, event.entityKey});
        }
        after = page.back().seq;
    }
}

std::set<std::string> idsOf(const std::vector<Event>& events) {
    std::set<std::string> ids;
    for (const auto& event : events) {
        ids.insert(event.id);
    }
    return ids;
}

}  // namespace finsam::testing
