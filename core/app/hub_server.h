// core/app/hub_server.h — `finsam-hub serve`: the daemon (Poco ServerApplication).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Util/ServerApplication.h>

#include <atomic>
#include <memory>

#include "core/app/hub_runtime.h"
#include "core/feed/feed_page_cache.h"
#include "core/feed/feed_signal.h"
#include "core/http/access_recorder.h"
#include "core/http/api_server.h"
#include "core/http/token_authenticator.h"
#include "core/scheduler/connector_scheduler.h"
#include "core/store/session_pool.h"
#include "core/webhook/webhook_dispatcher.h"

namespace finsam::app {

/// Poco's rules: options in defineOptions(), real setup in initialize(), no threads before it. main() waits
/// for signals itself (Poco's waitForTerminationRequest knows no SIGHUP): SIGHUP reloads the connector
/// configs, SIGTERM/SIGINT finish the batches in flight (within scheduler.stop_grace_seconds), commit and exit.
/// --pidfile=FILE (Poco's) writes the pid and removes the file at exit.
class HubServer : public Poco::Util::ServerApplication {
public:
    HubServer();
    ~HubServer() override;

protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    void initialize(Poco::Util::Application& self) override;
    void uninitialize() override;
    int main(const std::vector<std::string>& args) override;

private:
    /// Re-reads hub.json and its connector files; a broken config is logged and refused, the old one stays.
    void reloadConnectors();

    std::string configPath_;
    std::string listen_;
    bool helpRequested_ = false;
    std::unique_ptr<HubRuntime> runtime_;
    std::unique_ptr<store::SessionPool> sessions_;
    std::unique_ptr<http::TokenAuthenticator> authenticator_;
    feed::FeedSignal feedSignal_;
    feed::FeedPageCache feedPages_{128u << 20};  ///< rendered full pages, at most 128 MiB of them
    std::unique_ptr<http::AccessRecorder> access_;
    std::unique_ptr<http::ApiContext> apiContext_;
    std::unique_ptr<http::ApiServer> api_;
    std::unique_ptr<webhook::WebhookDispatcher> webhooks_;  ///< after feedSignal_: its workers wait on it
    std::unique_ptr<scheduler::ConnectorScheduler> scheduler_;
    http::HttpMetrics httpMetrics_;
    std::atomic<bool> ready_{false};
};

}  // namespace finsam::app
