// tests/partner_server/partner_server.cpp — every request: a fault that replaces the answer, or the API's
// answer, possibly spoiled by a body fault, then sent.
// SPDX-License-Identifier: Apache-2.0
#include "partner_server.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include <stdexcept>

#include "answer.h"
#include "body_spoiler.h"
#include "fault_plan.h"
#include "fhir_resource.h"
#include "json_text.h"
#include "kommun_api.h"
#include "kommun_store.h"
#include "partner_request.h"
#include "region_fhir_api.h"
#include "region_store.h"
#include "token_issuer.h"

namespace finsam::testing {

using partner::Answer;
using partner::PartnerRequest;

namespace {

bool isRegionPath(std::string_view path) { return path == "/R4" || path.rfind("/R4/", 0) == 0; }

std::string httpDateIn(std::chrono::seconds wait) {
    Poco::Timestamp when;
    when += static_cast<Poco::Timestamp::TimeDiff>(wait.count()) * Poco::Timestamp::resolution();
    return Poco::DateTimeFormatter::format(when, Poco::DateTimeFormat::HTTP_FORMAT);
}

}  // namespace

PartnerServer::PartnerServer(PartnerServerOptions options)
    : options_(std::move(options)),
      region_(std::make_unique<partner::RegionStore>()),
      kommun_(std::make_unique<partner::KommunStore>()),
      faults_(std::make_unique<partner::FaultPlan>()) {
    if (!std::filesystem::is_directory(options_.data)) {
        throw std::runtime_error("partner server: no data directory " + options_.data.string());
    }
    region_->loadGeneratorPages(options_.data / "region");
    kommun_->loadGeneratorPages(options_.data / "kommun", true);
    tokens_ = std::make_unique<partner::TokenIssuer>(
        partner::ClientCredentials{options_.clientId, options_.clientSecret, options_.scope}, options_.tokenLifetime);
    regionApi_ = std::make_unique<partner::RegionFhirApi>(*region_, options_.regionToken, options_.requireFhirAccept);
    kommunApi_ = std::make_unique<partner::KommunApi>(*kommun_, *tokens_);
    LoopbackServer::Handler handler = [this](auto& request, auto& response) { handle(request, response); };
    const LoopbackServerOptions listening{.tls = options_.tls, .port = options_.port};
    server_ = std::make_unique<LoopbackServer>(handler, listening);
}

PartnerServer::~PartnerServer() {
    {
        std::lock_guard lock(stopMutex_);
        stopping_ = true;
    }
    stopChanged_.notify_all();  // slow answers stop waiting
    server_.reset();
}

std::uint16_t PartnerServer::port() const { return server_->port(); }

std::string PartnerServer::url(std::string_view path) const { return server_->url(path); }

void PartnerServer::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    const PartnerRequest partnerRequest =
        partner::partnerRequestOf(LoopbackServer::current(), options_.tls.has_value(), server_->port());
    const std::string& method = partnerRequest.method();
    const std::string& target = partnerRequest.target();
    auto log = [&](const std::string& outcome, const std::optional<FaultKind>& fault) {
        if (options_.accessLog) {
            options_.accessLog(method + " " + target + " -> " + outcome +
                               (fault ? std::string(" [fault ") + faultName(*fault) + "]" : ""));
        }
    };

    std::optional<FaultKind> faultSeen;
    if (const auto fault = faults_->takeBeforeAnswer(method, target, partnerRequest.path)) {
        faultSeen = fault->kind;
        switch (fault->kind) {
            case FaultKind::kDrop:
                log("dropped", faultSeen);
                LoopbackServer::dropConnection(request);
                return;
            case FaultKind::kCutBody: {
                const Answer answer = route(partnerRequest);
                log("cut short", faultSeen);
                LoopbackServer::dropMidBody(request, response, answer.body);
                return;
            }
            case FaultKind::kSlow:
                waitUnlessStopping(fault->delay);
                break;
            case FaultKind::kExpireTokens:
                tokens_->expireAll();
                break;
            default: {
                const Answer answer = faultAnswer(*fault, partnerRequest);
                log(std::to_string(answer.status), faultSeen);
                LoopbackServer::reply(response, answer.status, answer.body, answer.contentType, answer.headers);
                return;
            }
        }
    }

    Answer answer = route(partnerRequest);
    if (answer.status == 200) {
        const auto spoiled = faults_->spoilBody(method, target, partnerRequest.path, [&](const Fault& fault) {
            return partner::spoilBody(answer, fault);
        });
        if (spoiled) {
            answer.body = spoiled->body;
            faultSeen = spoiled->kind;
        }
    }
    log(std::to_string(answer.status), faultSeen);
    try {
        LoopbackServer::reply(response, answer.status, answer.body, answer.contentType, answer.headers);
    } catch (const Poco::IOException&) {
        // the client hung up (e.g. it gave up on a slow answer): not the server's error
    }
}

Answer PartnerServer::route(const PartnerRequest& request) {
    if (isRegionPath(request.path)) {
        return regionApi_->answer(request);
    }
    if (request.path == "/oauth2/token") {
        return tokens_->answer(request);
    }
    if (request.path.rfind("/api/", 0) == 0) {
        return kommunApi_->answer(request);
    }
    return partner::jsonError(404, "not_found", "no such path: " + request.path);
}

Answer PartnerServer::faultAnswer(const Fault& fault, const PartnerRequest& request) const {
    const bool region = isRegionPath(request.path);
    if (fault.kind == FaultKind::kUnauthorized) {
        if (request.path == "/oauth2/token") {
            return partner::jsonError(401, "invalid_client", "client authentication failed (injected)");
        }
        Answer refused = region ? partner::fhirError(401, "login", "the bearer token was refused (injected)")
                                : partner::jsonError(401, "invalid_token", "the access token was refused (injected)");
        refused.headers.emplace_back("WWW-Authenticate", R"(Bearer error="invalid_token")");
        return refused;
    }
    if (fault.kind == FaultKind::kTooManyRequests) {
        Answer busy = region ? partner::fhirError(429, "throttled", "too many requests (injected)")
                             : partner::jsonError(429, "too_many_requests", "too many requests (injected)");
        if (fault.retryAfter) {
            busy.headers.emplace_back("Retry-After", fault.retryAfterAsDate ? httpDateIn(*fault.retryAfter)
                                                                           : std::to_string(fault.retryAfter->count()));
        }
        return busy;
    }
    return region ? partner::fhirError(fault.status, "transient", "service unavailable (injected)")
                  : partner::jsonError(fault.status, "temporarily_unavailable", "service unavailable (injected)");
}

void PartnerServer::waitUnlessStopping(std::chrono::milliseconds delay) {
    std::unique_lock lock(stopMutex_);
    stopChanged_.wait_for(lock, delay, [this] { return stopping_; });
}

void PartnerServer::loadLaterChanges(const std::filesystem::path& data) {
    if (!std::filesystem::is_directory(data)) {
        throw std::runtime_error("partner server: no data directory " + data.string());
    }
    region_->loadGeneratorPages(data / "region");
    kommun_->loadGeneratorPages(data / "kommun", false);
}

void PartnerServer::putRegionResource(std::string_view resourceJson) {
    const rapidjson::Document resource = partner::parseJson(resourceJson, "region resource");
    if (!resource.IsObject()) {
        throw std::invalid_argument("a region resource is a JSON object");
    }
    region_->put(partner::fhirResourceOf(resource));
}

void PartnerServer::appendKommunItem(std::string_view endpoint, std::string_view itemJson) {
    const rapidjson::Document item = partner::parseJson(itemJson, "kommun item");
    if (!item.IsObject()) {
        throw std::invalid_argument("a kommun item is a JSON object");
    }
    kommun_->append(endpoint, partner::compactJson(item));
}

std::size_t PartnerServer::regionResourceCount(std::string_view type) const { return region_->count(type); }

std::size_t PartnerServer::kommunItemCount(std::string_view endpoint) const { return kommun_->count(endpoint); }

void PartnerServer::expireTokens() { tokens_->expireAll(); }

std::int64_t PartnerServer::tokensIssued() const { return tokens_->issued(); }

void PartnerServer::inject(Fault fault) { faults_->add(std::move(fault)); }

void PartnerServer::inject(FaultKind kind, std::string pathPrefix, int times) {
    Fault fault;  // the defaults: 503, a 1 s delay, the default missing field
    fault.kind = kind;
    fault.pathPrefix = std::move(pathPrefix);
    fault.times = times;
    if (kind == FaultKind::kTooManyRequests) {
        fault.retryAfter = std::chrono::seconds(1);
    }
    faults_->add(std::move(fault));
}

void PartnerServer::clearFaults() { faults_->clear(); }

std::size_t PartnerServer::faultsArmed() const { return faults_->armed(); }

std::vector<AppliedFault> PartnerServer::appliedFaults() const { return faults_->applied(); }

std::vector<RecordedRequest> PartnerServer::requests() const { return server_->requests(); }

std::size_t PartnerServer::requestCount(std::string_view pathPrefix) const {
    std::size_t count = 0;
    for (const auto& request : server_->requests()) {
        const std::string_view path = std::string_view(request.uri).substr(0, request.uri.find('?'));
        count += path.substr(0, pathPrefix.size()) == pathPrefix ? 1 : 0;
    }
    return count;
}

std::map<std::string, std::size_t> PartnerServer::requestsByPath() const {
    std::map<std::string, std::size_t> counts;
    for (const auto& request : server_->requests()) {
        ++counts[request.uri.substr(0, request.uri.find('?'))];
    }
    return counts;
}

void PartnerServer::clearLog() { server_->clearLog(); }

}  // namespace finsam::testing
