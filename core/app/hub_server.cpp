// core/app/hub_server.cpp — daemon lifecycle: config and store, HTTP API, the ingest loop, graceful stop.
// SPDX-License-Identifier: Apache-2.0
#include "core/app/hub_server.h"

#include <Poco/Logger.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <algorithm>
#include <iostream>

#include "core/app/commands.h"
#include "core/app/json_log_formatter.h"
#include "core/config/config_loader.h"
#include "core/pipeline/ingest_runner.h"

namespace finsam::app {

namespace {

std::vector<std::string> connectorIds(const config::HubConfig& config) {
    std::vector<std::string> ids;
    for (const auto& connector : config.connectors) {
        ids.push_back(connector.id);
    }
    return ids;
}

}  // namespace

using Poco::Util::Option;

HubServer::HubServer() { setUnixOptions(true); }

HubServer::~HubServer() = default;

void HubServer::defineOptions(Poco::Util::OptionSet& options) {
    ServerApplication::defineOptions(options);
    options.addOption(Option("config", "", "hub configuration file (hub.json)").required(false).argument("FILE"));
    options.addOption(Option("listen", "", "HOST:PORT to serve on, overriding the config").argument("HOST:PORT"));
    options.addOption(Option("help", "h", "show this help").callback(
        Poco::Util::OptionCallback<HubServer>(this, &HubServer::handleOption)));
}

void HubServer::handleOption(const std::string& name, const std::string& value) {
    ServerApplication::handleOption(name, value);
    if (name == "config") {
        configPath_ = value;
    } else if (name == "listen") {
        listen_ = value;
    } else if (name == "help") {
        helpRequested_ = true;
        stopOptionsProcessing();
    }
}

void HubServer::initialize(Poco::Util::Application& self) {
    ServerApplication::initialize(self);
    if (helpRequested_) {
        return;
    }
    if (configPath_.empty()) {
        throw std::runtime_error("serve: --config FILE is required");
    }
    setupLogging("information");
    runtime_ = std::make_unique<HubRuntime>(configPath_);  // migrates before anything serves
    setupLogging(runtime_->config.logLevel);
    sessions_ = std::make_unique<store::SessionPool>(runtime_->location,
                                                     static_cast<std::size_t>(runtime_->config.httpThreads));
    authenticator_ = std::make_unique<http::TokenAuthenticator>(runtime_->config.tokens);
    access_ = std::make_unique<http::AccessRecorder>(*sessions_);
    apiContext_ = std::make_unique<http::ApiContext>(http::ApiContext{
        *sessions_, *authenticator_, ready_, feedSignal_, *access_, feedPages_,
        consent::WindowConfig{runtime_->config.followUpYearsBefore, runtime_->config.followUpMonthsAfter},
        connectorIds(runtime_->config), {},
        // Long polls hold a request thread: at most half of them wait, so other requests are always served.
        std::max(1, runtime_->config.httpThreads / 2)});
    // Secrets are read and subscribers registered here, so a bad one stops the start; the threads start in
    // main(). The ids are set before the API serves: request threads read them.
    webhooks_ = std::make_unique<webhook::WebhookDispatcher>(runtime_->config.webhooks, runtime_->config.dir,
                                                             runtime_->location, feedSignal_);
    apiContext_->subscribers = webhooks_->ids();
    apiContext_->hub = &runtime_->config;
    api_ = std::make_unique<http::ApiServer>(*apiContext_, listen_.empty() ? runtime_->config.listen : listen_,
                                             runtime_->config.httpThreads,
                                             http::ServerTls{runtime_->config.tlsCertFile, runtime_->config.tlsKeyFile});
}

void HubServer::uninitialize() {
    webhooks_.reset();
    api_.reset();
    if (access_) {
        access_->stop();
    }
    apiContext_.reset();
    access_.reset();
    sessions_.reset();
    runtime_.reset();
    ServerApplication::uninitialize();
}

void HubServer::ingestLoop() {
    auto& logger = Poco::Logger::get("scheduler");
    pipeline::IngestRunner runner(*runtime_->database, runtime_->plugins, runtime_->config,
                                  *runtime_->pseudonymizer);
    while (!stopping_.load()) {
        for (const auto& instance : runtime_->config.connectors) {
            if (stopping_.load()) {
                break;
            }
            if (!instance.enabled) {
                continue;
            }
            auto summary = runner.drain(instance, &stopping_);
            if (summary.batches > 0) {
                feedSignal_.notify();  // long polls of this instance answer now, not at their next look
            }
            if (summary.batches > 0 || !summary.error.empty()) {
                logger.information("ingest " + summary.toJson());
            }
        }
        wakeUp_.tryWait(static_cast<long>(runtime_->config.pollSeconds) * 1000);
    }
}

int HubServer::main(const std::vector<std::string>&) {
    if (helpRequested_) {
        Poco::Util::HelpFormatter help(options());
        help.setCommand("finsam-hub serve");
        help.setUsage("--config FILE [--listen HOST:PORT]");
        help.format(std::cout);
        return EXIT_OK;
    }
    auto& logger = Poco::Logger::get("hub");
    api_->start();
    ready_.store(true);
    std::string host = http::parseListen(listen_.empty() ? runtime_->config.listen : listen_).first;
    logger.information("listening on " + host + ":" + std::to_string(api_->port()));
    ingestThread_.startFunc([this] { ingestLoop(); });
    webhooks_->start();
    waitForTerminationRequest();
    logger.information("stopping: finishing the batch in flight");
    stopping_.store(true);
    wakeUp_.set();
    webhooks_->stop();  // ends waits at once; a POST in flight within its timeout_seconds
    ingestThread_.join();
    ready_.store(false);
    api_->stop();
    logger.information("stopped");
    return EXIT_OK;
}

int runServe(int argc, char** argv) {
    HubServer server;
    return server.run(argc, argv);
}

}  // namespace finsam::app
