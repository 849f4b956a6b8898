// core/http/admin_handlers.cpp — a person's story and the access audit.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/admin_handlers.h"

#include <Poco/URI.h>

#include <charconv>

#include "core/common/clock.h"
#include "core/common/json.h"
#include "core/link/person_explainer.h"
#include "core/store/access_audit.h"

namespace finsam::http {

using Poco::Net::HTTPResponse;

void ExplainHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                            const Caller& caller) {
    const std::string& personKey = params_.at("person_key");
    if (personKey.size() != 32 || personKey.find_first_not_of("abcdefghijklmnop") != std::string::npos) {
        throw NotFound("no such person");
    }
    std::string date;
    for (const auto& [name, value] : query(request)) {
        if (name != "date" || !date.empty() || !common::parseIsoDate(value)) {
            throw BadParameter(name, "the only parameter is date=YYYY-MM-DD");
        }
        date = value;
    }
    std::optional<std::string> document = withStore(context_, [&](store::Database& db) {
        return link::PersonExplainer(db, context_.window).explain(personKey, date);
    });
    context_.access.record({0, "", caller.token, "/v1/admin/persons/{person_key}/explain",
                            "person_key=" + personKey + (date.empty() ? "" : "&date=" + date), document ? 1 : 0,
                            caller.forbund});
    if (!document) {
        throw NotFound("no such person");
    }
    sendJson(request, response, HTTPResponse::HTTP_OK, *document);
}

void AccessAuditHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                                const Caller&) {
    int limit = 100;
    bool limitGiven = false;
    for (const auto& [name, value] : query(request)) {
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), limit);
        if (name != "limit" || limitGiven || error != std::errc() || end != value.data() + value.size() || limit < 1 ||
            limit > 1000) {
            throw BadParameter(name, "the only parameter is limit (once), an integer from 1 to 1000");
        }
        limitGiven = true;
    }
    context_.access.flush();  // what was read a moment ago is in the answer
    auto entries = withStore(context_, [&](store::Database& db) { return store::AccessAudit(db).recent(limit); });
    std::string body = "{\"entries\":[";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        body += (i > 0 ? "," : "");
        body += "{\"seq\":" + std::to_string(e.seq) + ",\"at\":" + common::jsonQuote(e.at) +
                ",\"token\":" + common::jsonQuote(e.token) + ",\"endpoint\":" + common::jsonQuote(e.endpoint) +
                ",\"query\":" + common::jsonQuote(e.query) + ",\"rows\":" + std::to_string(e.rows) +
                ",\"forbund\":" + (e.forbund.empty() ? std::string("null") : common::jsonQuote(e.forbund)) + "}";
    }
    sendJson(request, response, HTTPResponse::HTTP_OK, body + "]}");
}

}  // namespace finsam::http
