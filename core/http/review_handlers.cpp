// core/http/review_handlers.cpp — the review queue over HTTP.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/review_handlers.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>

#include "core/feed/feed_writer.h"
#include "core/link/review_queue.h"
#include "core/pipeline/batch_applier.h"

namespace finsam::http {

using Poco::Net::HTTPResponse;

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
constexpr std::size_t kMaxDecisionBytes = 1024;

void writeItem(Writer& json, const link::ReviewItem& item) {
    json.StartObject();
    json.Key("id"); json.Int64(item.id);
    json.Key("persons");
    json.StartArray();
    for (auto [person, organisation] : {std::pair{&item.personA, &item.organisationA},
                                        std::pair{&item.personB, &item.organisationB}}) {
        json.StartObject();
        json.Key("person_key"); json.String(*person);
        json.Key("organisation"); json.String(*organisation);
        json.EndObject();
    }
    json.EndArray();
    json.Key("probability"); json.Double(item.probability);
    json.Key("weight"); json.Double(item.weight);
    // Agreement levels as the matcher stored them: the whole object is ours, never a value of a person.
    rapidjson::Document evidence;
    evidence.Parse(item.evidence.c_str());
    json.Key("evidence");
    if (evidence.IsObject()) {
        evidence.Accept(json);
    } else {
        json.StartObject();
        json.EndObject();
    }
    json.Key("status"); json.String(item.status);
    json.Key("created_at"); json.String(item.createdAt);
    json.Key("updated_at"); json.String(item.updatedAt);
    json.Key("decided_by");
    item.decidedBy.empty() ? json.Null() : json.String(item.decidedBy);
    json.EndObject();
}

link::ReportPrecedence precedenceOf(const ApiContext& context) {
    return context.hub != nullptr ? pipeline::applySettingsOf(*context.hub).precedence : link::ReportPrecedence{};
}

}  // namespace

void ReviewListHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                               const Caller&) {
    link::ReviewFilter filter;
    for (const auto& [name, value] : query(request)) {
        if (name == "status") {
            if (value != "review" && value != "linked" && value != "conflict" && value != "accepted" &&
                value != "rejected") {
                throw BadParameter(name, "review, linked, conflict, accepted or rejected");
            }
            filter.status = value;
        } else if (name == "after") {
            filter.after = integerParameter(name, value, 0, INT64_MAX);
        } else if (name == "limit") {
            filter.limit = static_cast<int>(integerParameter(name, value, 1, 1000));
        } else {
            throw BadParameter(name, "unknown parameter (status, after, limit)");
        }
    }
    const auto precedence = precedenceOf(context_);
    auto items = withStore(context_, [&](store::Database& db) {
        return link::ReviewQueue(db, context_.window, precedence).list(filter);
    });
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    json.StartObject();
    json.Key("items");
    json.StartArray();
    for (const auto& item : items) {
        writeItem(json, item);
    }
    json.EndArray();
    json.Key("next_after");
    static_cast<int>(items.size()) == filter.limit ? json.Int64(items.back().id) : json.Null();
    json.EndObject();
    sendJson(request, response, HTTPResponse::HTTP_OK, buffer.GetString());
}

void ReviewDecisionHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                                   const Caller& caller) {
    const std::int64_t id = integerParameter("id", params_.at("id"), 1, INT64_MAX);
    const std::string text = body(request, kMaxDecisionBytes);
    rapidjson::Document document;
    document.Parse(text.c_str(), text.size());
    if (document.HasParseError() || !document.IsObject() || !document.HasMember("decision") ||
        !document["decision"].IsString() || document.MemberCount() != 1) {
        throw BadParameter("body", "expected {\"decision\": \"accept\" | \"reject\"}");
    }
    const std::string decision = document["decision"].GetString();
    if (decision != "accept" && decision != "reject") {
        throw BadParameter("decision", "accept or reject");
    }
    const auto precedence = precedenceOf(context_);
    auto outcome = withStore(context_, [&](store::Database& db) {
        soci::transaction transaction(db.session());
        link::ReviewQueue queue(db, context_.window, precedence);
        std::vector<store::EntityChange> changes;
        const std::int64_t batchId = db.allocate("batch", 1);
        auto result = queue.decide(id, decision == "accept", caller.token, batchId, changes);
        if (result != link::ReviewQueue::Outcome::kDecided) {
            transaction.rollback();
            return std::pair{result, std::optional<link::ReviewItem>()};
        }
        feed::FeedWriter(db).append(changes, batchId);
        auto item = queue.find(id);
        transaction.commit();
        return std::pair{result, item};
    });
    if (outcome.first == link::ReviewQueue::Outcome::kNotFound) {
        throw NotFound("no match " + std::to_string(id));
    }
    if (outcome.first == link::ReviewQueue::Outcome::kAlreadyDecided) {
        sendError(request, response, HTTPResponse::HTTP_CONFLICT, "already_decided",
                  "match " + std::to_string(id) + " was decided before and is not asked again");
        return;
    }
    context_.feedSignal.notify();
    rapidjson::StringBuffer buffer;
    Writer json(buffer);
    writeItem(json, *outcome.second);
    sendJson(request, response, HTTPResponse::HTTP_OK, buffer.GetString());
}

}  // namespace finsam::http
