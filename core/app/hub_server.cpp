// core/app/hub_server.cpp — daemon lifecycle: config and store, HTTP API, the ingest loop, graceful stop.
// SPDX-License-Identifier: Apache-2.0
#include "core/app/hub_server.h"

#include <Poco/Logger.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <csignal>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "core/app/commands.h"
#include "core/app/json_log_formatter.h"
#include "core/config/config_loader.h"
#include "core/plugin_host/settings_check.h"
#include "core/scheduler/leased_run.h"

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
    setupLogging(runtime_->config.logLevel, runtime_->config.logComponents);
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
    scheduler_ = std::make_unique<scheduler::ConnectorScheduler>(
        runtime_->config, runtime_->location, runtime_->plugins, *runtime_->pseudonymizer, feedSignal_,
        scheduler::instanceName());
    apiContext_->connectorConfigs = [this] { return scheduler_->connectors(); };
    apiContext_->wakeScheduler = [this] { scheduler_->wake(); };
    apiContext_->httpMetrics = &httpMetrics_;
    apiContext_->plugins = &runtime_->plugins;
    api_ = std::make_unique<http::ApiServer>(*apiContext_, listen_.empty() ? runtime_->config.listen : listen_,
                                             runtime_->config.httpThreads,
                                             http::ServerTls{runtime_->config.tlsCertFile, runtime_->config.tlsKeyFile});
}

void HubServer::uninitialize() {
    scheduler_.reset();
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

void HubServer::reloadConnectors() {
    auto& logger = Poco::Logger::get("hub");
    try {
        auto fresh = config::loadHubConfig(configPath_);
        for (const auto& dir : plugin_host::PluginHost::defaultDirs()) {
            fresh.pluginDirs.push_back(dir);
        }
        std::vector<std::string> problems;
        for (const auto& instance : fresh.connectors) {
            auto found = plugin_host::checkInstance(instance, runtime_->plugins, fresh.pluginDirs);
            problems.insert(problems.end(), found.begin(), found.end());
        }
        if (!problems.empty()) {
            throw config::ConfigError(problems);
        }
        scheduler_->replaceConnectors(fresh.connectors);
        logger.notice("reloaded " + std::to_string(fresh.connectors.size()) + " connector configs from " +
                      configPath_);
    } catch (const config::ConfigError& e) {
        for (const auto& problem : e.problems()) {
            logger.error("reload refused, the running config stays: " + problem);
        }
    } catch (const std::exception& e) {
        logger.error(std::string("reload refused, the running config stays: ") + e.what());
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
    scheduler_->start();
    webhooks_->start();
    // runServe blocked these signals before any thread started, so they arrive here and only here.
    sigset_t signals;
    sigemptyset(&signals);
    for (int signal : {SIGHUP, SIGINT, SIGQUIT, SIGTERM}) {
        sigaddset(&signals, signal);
    }
    int received = 0;
    while (sigwait(&signals, &received) == 0 && received == SIGHUP) {
        logger.notice("SIGHUP: reloading connector configs");
        reloadConnectors();
    }
    const auto grace = std::chrono::seconds(runtime_->config.scheduler.stopGraceSeconds);
    logger.notice("stopping: finishing the batches in flight (at most " + std::to_string(grace.count()) + " s)");
    webhooks_->stop();  // ends waits at once; a POST in flight within its timeout_seconds
    const bool finished = scheduler_->stop(grace);
    ready_.store(false);
    api_->stop();
    if (!finished) {
        // A batch still in flight is abandoned: its transaction rolls back when the process ends, and the next
        // start reads it again from the committed checkpoint. Nothing is half-applied.
        logger.warning("stopped with batches abandoned");
        std::_Exit(EXIT_SOFTWARE);
    }
    logger.notice("stopped");
    return EXIT_OK;
}

int runServe(int argc, char** argv) {
    // Blocked before any thread exists, so every thread inherits the mask and main() alone takes them.
    sigset_t signals;
    sigemptyset(&signals);
    for (int signal : {SIGHUP, SIGINT, SIGQUIT, SIGTERM}) {
        sigaddset(&signals, signal);
    }
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    HubServer server;
    return server.run(argc, argv);
}

}  // namespace finsam::app
