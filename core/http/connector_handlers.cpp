// core/http/connector_handlers.cpp — state from the store (core/scheduler/connector_overview), so any
// instance answers; actions are requests in the store that whichever instance holds the lease serves.
// SPDX-License-Identifier: Apache-2.0
#include "core/http/connector_handlers.h"

#include <Poco/Logger.h>

#include <charconv>

#include "core/common/json.h"
#include "core/config/config_loader.h"
#include "core/normalise/code_mapping.h"
#include "core/plugin_host/settings_check.h"
#include "core/scheduler/connector_overview.h"
#include "core/store/connector_control.h"

namespace finsam::http {

using Poco::Net::HTTPResponse;

namespace {

constexpr std::size_t kMaxConfigBytes = 256 * 1024;

config::HubConfig hubOf(const ApiContext& context) { return context.hub != nullptr ? *context.hub : config::HubConfig{}; }

config::ConnectorInstanceConfig instanceNamed(const ApiContext& context, const std::string& id) {
    for (auto& instance : configuredConnectors(context)) {
        if (instance.id == id) {
            return instance;
        }
    }
    throw NotFound("no connector instance " + id);
}

}  // namespace

std::vector<config::ConnectorInstanceConfig> configuredConnectors(const ApiContext& context) {
    if (context.connectorConfigs) {
        return context.connectorConfigs();
    }
    if (context.hub != nullptr) {
        return context.hub->connectors;
    }
    std::vector<config::ConnectorInstanceConfig> instances;
    for (const auto& id : context.connectors) {
        config::ConnectorInstanceConfig instance;
        instance.id = id;
        instances.push_back(instance);
    }
    return instances;
}

void ConnectorsHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                               const Caller&) {
    if (!query(request).empty()) {
        throw BadParameter(query(request).front().first, "unknown parameter");
    }
    const auto instances = configuredConnectors(context_);
    const auto hub = hubOf(context_);
    std::string document = withStore(
        context_, [&](store::Database& db) { return scheduler::connectorOverviewsJson(db, hub, instances); });
    sendJson(request, response, HTTPResponse::HTTP_OK, "{\"connectors\":" + document + "}");
}

void ConnectorHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                              const Caller&) {
    int runs = 20;
    for (const auto& [name, value] : query(request)) {
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), runs);
        if (name != "runs" || error != std::errc() || end != value.data() + value.size() || runs < 1 || runs > 200) {
            throw BadParameter(name, "the only parameter is runs, an integer from 1 to 200");
        }
    }
    const auto instance = instanceNamed(context_, params_.at("id"));
    const auto hub = hubOf(context_);
    std::string document = withStore(context_, [&](store::Database& db) {
        return scheduler::connectorOverviewJson(db, hub, instance, static_cast<std::size_t>(runs));
    });
    sendJson(request, response, HTTPResponse::HTTP_OK, document);
}

void ConnectorActionHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                                    const Caller& caller) {
    if (!query(request).empty()) {
        throw BadParameter(query(request).front().first, "unknown parameter");
    }
    const auto instance = instanceNamed(context_, params_.at("id"));
    const auto hub = hubOf(context_);
    std::string document = withStore(context_, [&](store::Database& db) {
        store::ConnectorControl control(db);
        if (action_ == "pause" || action_ == "resume") {
            control.setPaused(instance.id, action_ == "pause");
        } else {
            control.requestRun(instance.id, action_ == "reprocess");
        }
        return scheduler::connectorOverviewJson(db, hub, instance, 0);
    });
    Poco::Logger::get("http").notice("connector " + instance.id + ": " + action_ + " by token " + caller.token);
    if (context_.wakeScheduler) {
        context_.wakeScheduler();
    }
    sendJson(request, response, HTTPResponse::HTTP_OK, document);
}

void ValidateConnectorHandler::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                                      const Caller&) {
    if (!query(request).empty()) {
        throw BadParameter(query(request).front().first, "unknown parameter");
    }
    const std::string text = body(request, kMaxConfigBytes);
    const auto hub = hubOf(context_);
    // Relative paths (mapping, drop_dir) resolve as they would in a file beside hub.json.
    const std::string file = (hub.dir.empty() ? std::string(".") : hub.dir) + "/connector.json";
    std::vector<std::string> problems;
    auto instance = config::parseConnectorInstance(text, file, problems);
    if (problems.empty() && context_.plugins != nullptr) {
        auto found = plugin_host::checkInstance(instance, *context_.plugins, hub.pluginDirs);
        problems.insert(problems.end(), found.begin(), found.end());
    }
    if (problems.empty() && !instance.mappingFile.empty()) {
        normalise::CodeMapping::load(instance.mappingFile, problems);
    }
    std::string json = "{\"valid\":" + std::string(problems.empty() ? "true" : "false") + ",\"problems\":[";
    for (std::size_t i = 0; i < problems.size(); ++i) {
        json += (i > 0 ? "," : "") + common::jsonQuote(problems[i]);
    }
    sendJson(request, response, HTTPResponse::HTTP_OK, json + "]}");
}

}  // namespace finsam::http
